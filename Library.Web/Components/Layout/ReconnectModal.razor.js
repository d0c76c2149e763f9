// Buttons of the reconnect dialog. Blazor itself shows the dialog and sets its state classes.
const modal = document.getElementById("components-reconnect-modal");

modal?.querySelector("[data-reconnect-retry]")?.addEventListener("click", retry);
modal?.querySelector("[data-reconnect-reload]")?.addEventListener("click", () => location.reload());
modal?.addEventListener("components-reconnect-state-changed", event => {
    if (event.detail.state === "failed") {
        // Try again by itself as soon as the tab is looked at again (a laptop waking up, a phone unlocking).
        document.addEventListener("visibilitychange", retryWhenVisible);
    } else if (event.detail.state === "hide") {
        document.removeEventListener("visibilitychange", retryWhenVisible);
    }
});

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenVisible);
    try {
        // A paused circuit is resumed; a dropped connection reconnects to the same circuit; if the server
        // no longer has it, the page reloads (the state lives in the database, nothing is lost).
        const paused = modal.classList.contains("components-reconnect-paused") || modal.classList.contains("components-reconnect-resume-failed");
        const ok = paused ? await Blazor.resumeCircuit() : await Blazor.reconnect();
        if (!ok && !(await Blazor.resumeCircuit())) {
            location.reload();
        }
    } catch {
        document.addEventListener("visibilitychange", retryWhenVisible);
    }
}

async function retryWhenVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
