// Driven by blazor.web.js (.NET 10): "show" while it rejoins, "hide" when it is back, "failed" after the last
// attempt (retry when the tab is seen again), "rejected" when the server no longer holds the circuit (reload: what
// was saved is on the server, the page shows it again).
const modal = document.getElementById("components-reconnect-modal");
modal.addEventListener("components-reconnect-state-changed", onStateChanged);
document.getElementById("components-reconnect-button").addEventListener("click", retry);
document.getElementById("components-resume-button").addEventListener("click", resume);

function onStateChanged(event) {
    switch (event.detail.state) {
        case "show":
            if (!modal.open) modal.showModal();
            break;
        case "hide":
            modal.close();
            break;
        case "failed":
            document.addEventListener("visibilitychange", retryWhenVisible);
            break;
        case "rejected":
            location.reload();
            break;
    }
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenVisible);
    try {
        // true: rejoined; false: the server answered but no longer has the circuit; an exception: still unreachable.
        if (!await Blazor.reconnect()) {
            if (await Blazor.resumeCircuit()) modal.close();
            else location.reload();
        }
    } catch {
        document.addEventListener("visibilitychange", retryWhenVisible);
    }
}

async function resume() {
    try {
        if (!await Blazor.resumeCircuit()) location.reload();
    } catch {
        modal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    }
}

async function retryWhenVisible() {
    if (document.visibilityState === "visible") await retry();
}
