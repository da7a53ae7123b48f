"""The kernel manager of ``newstone report``: no interrupt on a clean shutdown, which made
ipykernel log "KeyboardInterrupt caught in kernel" on runs that worked
(lib/newstone/reports/kernel.py)."""

from __future__ import annotations

import asyncio
import signal

from jupyter_client.manager import AsyncKernelManager

from newstone.reports.kernel import QuietShutdownKernelManager


def signals_sent_on_shutdown(manager_class) -> list[int]:
    """Start a real kernel with ``manager_class``, shut it down, return the signals sent."""
    sent: list[int] = []

    async def run():
        manager = manager_class(kernel_name="python3", transport="ipc")
        original = manager._async_signal_kernel

        async def recording(signum):
            sent.append(signum)
            await original(signum)

        manager._async_signal_kernel = recording
        await manager.start_kernel()
        client = manager.client()
        client.start_channels()
        await client.wait_for_ready(timeout=60)
        client.stop_channels()
        await manager.shutdown_kernel()
        assert not await manager.is_alive()

    asyncio.run(run())
    return sent


def test_a_clean_shutdown_sends_no_interrupt_where_jupyter_client_sends_one():
    assert signal.SIGINT in signals_sent_on_shutdown(AsyncKernelManager)  # the premise
    assert signal.SIGINT not in signals_sent_on_shutdown(QuietShutdownKernelManager)


def test_an_interrupt_asked_for_while_running_still_reaches_the_kernel():
    sent: list[int] = []

    async def run():
        manager = QuietShutdownKernelManager(kernel_name="python3", transport="ipc")

        async def recording(signum):
            sent.append(signum)

        manager._async_signal_kernel = recording
        await manager.start_kernel()
        try:
            await manager.interrupt_kernel()
        finally:
            await manager.shutdown_kernel(now=True)

    asyncio.run(run())
    assert sent[:1] == [signal.SIGINT]
