// The exercise session timer: runs a whole dose (sets of repetitions, each a timed hold, with
// rests) on its own, with pause, skip, a beep and a buzz where the browser allows, and every
// phase announced in the status region. Without JavaScript the page shows the dose in words.
(function () {
  "use strict";

  var TICK_MS = 200;

  function number(value, fallback) {
    var parsed = parseInt(value, 10);
    return parsed > 0 ? parsed : fallback;
  }

  function plural(count, word) {
    return count + " " + word + (count === 1 ? "" : "s");
  }

  // The session as a list of phases, built once from the dose.
  function buildPhases(dose) {
    var phases = [];
    for (var set = 1; set <= dose.sets; set += 1) {
      if (dose.hold) {
        for (var rep = 1; rep <= dose.reps; rep += 1) {
          phases.push({ kind: "hold", seconds: dose.hold, set: set, rep: rep });
          if (rep < dose.reps) phases.push({ kind: "relax", seconds: dose.relax, set: set, rep: rep });
        }
      } else {
        // Repetitions without a hold go at the person's own pace: they say when the set is done.
        phases.push({ kind: "reps", seconds: 0, set: set });
      }
      if (set < dose.sets) phases.push({ kind: "rest", seconds: dose.rest, set: set });
    }
    return phases;
  }

  function setPrefix(dose, phase) {
    return dose.sets > 1 ? "Set " + phase.set + " of " + dose.sets + ", " : "";
  }

  function announcement(dose, phase) {
    if (phase.kind === "hold") {
      var rep = dose.reps > 1 ? "repetition " + phase.rep + " of " + dose.reps + ": " : "";
      var text = setPrefix(dose, phase) + rep + "hold for " + plural(phase.seconds, "second") + ".";
      return text.charAt(0).toUpperCase() + text.slice(1);
    }
    if (phase.kind === "relax") return "Relax for " + plural(phase.seconds, "second") + ".";
    if (phase.kind === "rest") {
      return "Set " + phase.set + " done. Rest for " + plural(phase.seconds, "second") + ".";
    }
    var reps = "Do " + plural(dose.reps, "repetition") + " at your own pace, then press Set done.";
    return dose.sets > 1 ? "Set " + phase.set + " of " + dose.sets + ". " + reps : reps;
  }

  function finished(dose) {
    var work = dose.sets > 1 ? dose.sets + " sets of " + dose.reps : plural(dose.reps, "repetition");
    return "All done: " + work + ". Well done.";
  }

  function phaseLabel(phase) {
    return { hold: "Hold", relax: "Relax", rest: "Rest", reps: "Your own pace" }[phase.kind];
  }

  // Cues ----------------------------------------------------------------------------------
  var audio = null;

  function wakeAudio() {
    // Browsers only let sound start from a tap or key press, so this runs on Start.
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    try {
      if (!audio) audio = new Context();
      if (audio.state === "suspended") audio.resume();
    } catch (error) {
      audio = null;
    }
  }

  function beep(frequency, count) {
    if (!audio) return;
    for (var i = 0; i < count; i += 1) {
      var start = audio.currentTime + i * 0.25;
      var oscillator = audio.createOscillator();
      var gain = audio.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.2, start);
      gain.gain.exponentialRampToValueAtTime(0.001, start + 0.18);
      oscillator.connect(gain);
      gain.connect(audio.destination);
      oscillator.start(start);
      oscillator.stop(start + 0.2);
    }
  }

  function cue(timer, kind) {
    if (!timer.cueBox.checked) return;
    var work = kind === "hold" || kind === "reps";
    beep(work ? 880 : 523, kind === "done" ? 3 : 1);
    if (navigator.vibrate) navigator.vibrate(kind === "done" ? [200, 100, 200] : work ? 300 : 120);
  }

  // Keeps the phone's screen on while a session runs, where the browser offers it. The browser
  // lets go of the lock when the page is hidden, so it is asked for again on return.
  var wakeLock = null;
  var screenWanted = false;

  function requestScreen() {
    if (!screenWanted || wakeLock || !navigator.wakeLock) return;
    if (document.visibilityState !== "visible") return;
    wakeLock = navigator.wakeLock.request("screen").catch(function () { return null; });
  }

  function keepScreenOn(on) {
    screenWanted = on;
    if (on) {
      requestScreen();
    } else if (wakeLock) {
      wakeLock.then(function (lock) { if (lock) lock.release(); });
      wakeLock = null;
    }
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") requestScreen();
    else wakeLock = null;
  });

  // One timer ---------------------------------------------------------------------------------
  function Timer(box) {
    this.box = box;
    this.dose = {
      hold: number(box.dataset.hold, 0),
      reps: number(box.dataset.reps, 1),
      sets: number(box.dataset.sets, 1),
      relax: number(box.dataset.relax, 5),
      rest: number(box.dataset.rest, 60),
    };
    this.phases = buildPhases(this.dose);
    this.startButton = box.querySelector("[data-timer-start]");
    this.skipButton = box.querySelector("[data-timer-skip]");
    this.cueBox = box.querySelector("[data-timer-cue]");
    this.reset(false);
  }

  Timer.prototype.scale = function () {
    // A test hook: tests run the clock faster by setting data-seconds-scale.
    var scale = parseFloat(this.box.dataset.secondsScale);
    return scale > 0 ? scale : 1;
  };

  Timer.prototype.text = function (selector, value) {
    this.box.querySelector(selector).textContent = value;
  };

  Timer.prototype.announce = function (value) {
    this.text("[data-timer-status]", value);
  };

  Timer.prototype.show = function () {
    var phase = this.phases[this.index];
    var dose = this.dose;
    if (this.state === "done") {
      this.text("[data-timer-phase]", "Done");
      this.text("[data-timer-count]", "✓");
      this.text("[data-timer-progress]", finished(dose));
    } else {
      this.text("[data-timer-phase]", this.state === "ready" ? "Ready" : phaseLabel(phase));
      var seconds = this.state === "ready"
        ? phase.seconds : Math.ceil(this.left / (1000 * this.scale()));
      this.text("[data-timer-count]", phase.seconds ? seconds + " s" : "");
      var parts = [];
      if (dose.sets > 1) parts.push("Set " + phase.set + " of " + dose.sets);
      if (dose.hold && dose.reps > 1) parts.push("Repetition " + phase.rep + " of " + dose.reps);
      if (!dose.hold) parts.push(plural(dose.reps, "repetition"));
      this.text("[data-timer-progress]", parts.join(" · "));
    }
    var labels = { ready: "Start", running: "Pause", paused: "Resume", done: "Start again" };
    this.startButton.textContent = labels[this.state];
    var skipHadFocus = document.activeElement === this.skipButton;
    this.skipButton.disabled = this.state === "ready" || this.state === "done";
    // A disabled button drops keyboard focus: hand it to Start instead of the page's top.
    if (this.skipButton.disabled && skipHadFocus) this.startButton.focus();
    this.skipButton.textContent = phase && phase.kind === "reps" && this.state !== "done"
      ? "Set done" : "Skip";
  };

  Timer.prototype.reset = function (announce) {
    this.stopClock();
    keepScreenOn(false);
    this.state = "ready";
    this.index = 0;
    this.left = 0;
    this.show();
    if (announce) this.announce("Timer reset.");
  };

  Timer.prototype.stopClock = function () {
    if (this.interval) window.clearInterval(this.interval);
    this.interval = null;
  };

  Timer.prototype.runClock = function () {
    var timer = this;
    var phase = this.phases[this.index];
    keepScreenOn(true);
    if (!phase.seconds) return;  // a self-paced set waits for Set done
    this.deadline = Date.now() + this.left;
    this.interval = window.setInterval(function () {
      timer.left = Math.max(0, timer.deadline - Date.now());
      if (timer.left === 0) timer.next();
      else timer.show();
    }, TICK_MS * Math.min(1, this.scale()));
  };

  Timer.prototype.enter = function (index) {
    this.stopClock();
    if (index >= this.phases.length) {
      keepScreenOn(false);
      this.state = "done";
      this.show();
      this.announce(finished(this.dose));
      cue(this, "done");
      return;
    }
    this.index = index;
    this.state = "running";
    var phase = this.phases[index];
    this.left = phase.seconds * 1000 * this.scale();
    this.show();
    this.announce(announcement(this.dose, phase));
    cue(this, phase.kind);
    this.runClock();
  };

  Timer.prototype.next = function () {
    this.enter(this.index + 1);
  };

  Timer.prototype.startOrPause = function () {
    wakeAudio();
    if (this.state === "ready") {
      this.enter(0);
    } else if (this.state === "done") {
      this.reset(false);
      this.enter(0);
    } else if (this.state === "running") {
      this.stopClock();
      keepScreenOn(false);
      if (this.phases[this.index].seconds) this.left = Math.max(1, this.deadline - Date.now());
      this.state = "paused";
      this.show();
      var phase = this.phases[this.index];
      var seconds = Math.ceil(this.left / (1000 * this.scale()));
      this.announce(phase.seconds ? "Paused, " + plural(seconds, "second") + " left." : "Paused.");
    } else {
      this.state = "running";
      this.show();
      this.announce("Going again.");
      this.runClock();
    }
  };

  Timer.prototype.skip = function () {
    if (this.state === "running" || this.state === "paused") this.next();
  };

  // Wiring --------------------------------------------------------------------------------
  var timers = new WeakMap();

  function enhance() {
    document.querySelectorAll("[data-timer]").forEach(function (box) {
      if (!timers.has(box)) timers.set(box, new Timer(box));
      box.querySelector("[data-timer-controls]").hidden = false;
      box.querySelector("[data-timer-fallback]").hidden = true;
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-timer] button");
    if (!button) return;
    var timer = timers.get(button.closest("[data-timer]"));
    if (!timer) return;
    if (button.hasAttribute("data-timer-start")) timer.startOrPause();
    else if (button.hasAttribute("data-timer-skip")) timer.skip();
    else if (button.hasAttribute("data-timer-reset")) timer.reset(true);
  });

  enhance();
  document.addEventListener("htmx:historyRestore", enhance);

  // A link to the page's #session (e.g. a Start link on a library card) lands with the timer
  // ready: one more tap, or Enter, starts it.
  // After "load": the browser's own jump to the #session fragment would otherwise take focus.
  window.addEventListener("load", function () {
    if (window.location.hash !== "#session") return;
    var start = document.querySelector("#session [data-timer-start]");
    if (start) start.focus();
  });
})();
