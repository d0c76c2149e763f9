// The self-check kiosk's browser side (an ES module the kiosk page imports; no inline script, CSP-friendly):
// the station's device token in localStorage, the scan input that keeps focus, the idle timer that signs a patron out,
// and a short tone for each scan.
const tokenKey = 'library.kiosk.deviceToken';

export function readToken() {
    try { return localStorage.getItem(tokenKey); } catch { return null; }
}

export function storeToken(token) {
    localStorage.setItem(tokenKey, token);
}

export function forgetToken() {
    localStorage.removeItem(tokenKey);
}

/** A pairing link carries its one-time code in the fragment (never sent to the server); read it once and drop it from the address. */
export function takeCodeFromFragment() {
    const code = decodeURIComponent(location.hash.replace(/^#/, ''));
    if (code) {
        history.replaceState(null, '', location.pathname + location.search);
    }
    return code || null;
}

let focusTarget = null;

function refocusSoon() {
    setTimeout(() => {
        const active = document.activeElement;
        const resting = !active || active === document.body || active.id === 'main-content';
        const target = focusTarget && document.getElementById(focusTarget);
        if (resting && target) {
            target.focus();
        }
    }, 0);
}

/** One input keeps focus: whenever focus would rest on nothing (a tap on the page, a finished click), it goes back to the input. */
export function keepFocus(id) {
    if (focusTarget === null) {
        document.addEventListener('focusout', refocusSoon, true);
        document.addEventListener('pointerup', refocusSoon, true);
    }
    focusTarget = id;
    const target = document.getElementById(id);
    if (target) {
        target.focus();
    }
}

export function releaseFocus() {
    focusTarget = null;
    document.removeEventListener('focusout', refocusSoon, true);
    document.removeEventListener('pointerup', refocusSoon, true);
}

// Idle timer: any key, scan (keys or input) or touch resets it; the page hears the countdown for the last 10 s and the expiry.
const activityEvents = ['keydown', 'input', 'pointerdown', 'touchstart', 'wheel'];
let idle = null;

function onActivity() {
    if (!idle) {
        return;
    }
    idle.last = Date.now();
    if (idle.shown !== null) {
        idle.shown = null;
        idle.ref.invokeMethodAsync('OnIdleCountdown', 0);
    }
}

function tick() {
    if (!idle) {
        return;
    }
    const left = Math.ceil(idle.seconds - (Date.now() - idle.last) / 1000);
    if (left <= 0) {
        const ref = idle.ref;
        stopIdle();
        ref.invokeMethodAsync('OnIdleExpired');
    } else if (left <= 10 && left !== idle.shown) {
        idle.shown = left;
        idle.ref.invokeMethodAsync('OnIdleCountdown', left);
    }
}

export function startIdle(ref, seconds) {
    stopIdle();
    idle = { ref, seconds, last: Date.now(), shown: null, timer: setInterval(tick, 200) };
    activityEvents.forEach(e => document.addEventListener(e, onActivity, { capture: true, passive: true }));
}

/** The server finished a scan: that counts as activity too (a slow answer does not eat the patron's time). */
export function touch() {
    onActivity();
}

export function stopIdle() {
    if (idle) {
        clearInterval(idle.timer);
        idle = null;
    }
    activityEvents.forEach(e => document.removeEventListener(e, onActivity, { capture: true }));
}

let audio = null;

/** A short high tone for success, a low double tone for a refusal. Silently nothing where audio is not allowed. */
export function beep(ok) {
    try {
        audio = audio || new AudioContext();
        const tones = ok ? [[880, 0]] : [[220, 0], [220, 0.18]];
        for (const [frequency, start] of tones) {
            const oscillator = audio.createOscillator();
            const gain = audio.createGain();
            oscillator.frequency.value = frequency;
            gain.gain.value = 0.15;
            oscillator.connect(gain).connect(audio.destination);
            oscillator.start(audio.currentTime + start);
            oscillator.stop(audio.currentTime + start + 0.12);
        }
    } catch {
        // No audio on this station.
    }
}
