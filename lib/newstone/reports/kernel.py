"""The kernel manager behind ``newstone report``: no interrupt on a clean shutdown.

jupyter_client interrupts a kernel (SIGINT) before every shutdown request, in case a cell
is still running. After a report's last cell the kernel is idle; when the signal lands
while it handles the shutdown message, ipykernel logs "[IPKernelApp] ERROR |
KeyboardInterrupt caught in kernel" on a run that worked, now and then, depending on
timing. This manager skips that interrupt while shutting down; a kernel that does not stop
is still terminated, then killed, by jupyter_client's usual timeouts.
"""

from __future__ import annotations

from jupyter_client.manager import AsyncKernelManager


class QuietShutdownKernelManager(AsyncKernelManager):
    """An :class:`AsyncKernelManager` that sends no interrupt once it is shutting down."""

    async def _async_interrupt_kernel(self) -> None:
        if self.shutting_down:
            return
        await super()._async_interrupt_kernel()
