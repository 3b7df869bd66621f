// Score sheets: Enter and ↓ move to the next score, ↑ to the previous one, in the browser itself so that a fast
// typist's next keystrokes never land in the previous box while a server round trip is under way.
document.addEventListener("keydown", (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.classList.contains("score-input")) return;
    const step = event.key === "Enter" || event.key === "ArrowDown" ? 1 : event.key === "ArrowUp" ? -1 : 0;
    if (step === 0) return;
    const inputs = Array.from(document.querySelectorAll("input.score-input:not([disabled])"));
    const next = inputs[inputs.indexOf(input) + step];
    event.preventDefault();
    if (next) {
        next.focus();
        next.select();
    }
});
