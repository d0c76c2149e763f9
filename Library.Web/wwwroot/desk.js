// The circulation desk's scan field (an ES module loaded by DeskScanInput; no inline script, so the page CSP holds).
// Keyboard-wedge scanners type a code and press Enter. On Enter the text is taken and the field emptied at once, in the
// browser, so the next scan can be typed while the server still works on this one; the server queues scans in order.
// The field keeps the focus: after any click elsewhere (except into another text field or a dialog) and whenever focus
// falls back to the page body (an element removed by a re-render), it is focused again.

let audio;

function tone(frequency, start, length, type) {
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.type = type;
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0.15, audio.currentTime + start);
  gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + start + length);
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start(audio.currentTime + start);
  oscillator.stop(audio.currentTime + start + length);
}

/** A short high beep for success, two low buzzes for a refusal. */
export function signal(ok) {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') {
      audio.resume();
    }

    if (ok) {
      tone(1320, 0, 0.12, 'sine');
    } else {
      tone(220, 0, 0.16, 'square');
      tone(220, 0.22, 0.16, 'square');
    }
  } catch {
    // No audio device (or not allowed yet): the coloured state still shows the result.
  }
}

export function print() {
  window.print();
}

function keepsOwnFocus(element) {
  return element instanceof Element
    && element !== document.body
    && element.closest('input, textarea, select, [contenteditable="true"], .mud-dialog, .mud-popover-open, [data-desk-keeps-focus]') !== null;
}

export function attach(input, dotnet) {
  const focus = () => {
    if (input.isConnected && !input.disabled && document.activeElement !== input && !keepsOwnFocus(document.activeElement)) {
      input.focus({ preventScroll: true });
    }
  };

  const onKeyDown = event => {
    if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      const text = input.value;
      input.value = '';
      if (text.trim() !== '') {
        dotnet.invokeMethodAsync('Scan', text);
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      input.value = '';
      dotnet.invokeMethodAsync('Finish');
    }
  };

  // After a click the clicked button has the focus; give it back to the field once the click has been handled.
  const onClick = event => {
    if (!keepsOwnFocus(event.target)) {
      setTimeout(focus, 0);
    }
  };

  const onFocusOut = () => setTimeout(() => {
    if (!document.activeElement || document.activeElement === document.body) {
      focus();
    }
  }, 0);

  input.addEventListener('keydown', onKeyDown);
  document.addEventListener('click', onClick);
  document.addEventListener('focusout', onFocusOut);
  input.focus({ preventScroll: true });
  input.dataset.ready = 'true';

  return {
    focus,
    detach() {
      input.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('click', onClick);
      document.removeEventListener('focusout', onFocusOut);
    },
  };
}
