// audiocast desk: hear takes, try and save lexicon entries, keep or drop paragraphs, leave
// a repeated line out everywhere, edit an article, build with progress. Every action is a
// POST carrying the desk's token.
"use strict";
const token = document.querySelector('meta[name="desk-token"]').content;

async function post(url, data) {
  const response = await fetch(url, {
    method: "POST", credentials: "same-origin",
    headers: {"Content-Type": "application/json", "X-Desk-Token": token},
    body: JSON.stringify(data),
  });
  const answer = await response.json().catch(() => ({error: response.statusText}));
  if (!response.ok) throw new Error(answer.error || response.statusText);
  return answer;
}

// --- hearing takes: one player for the page, pieces played one after the other ---
const player = document.getElementById("take");
const nowPlaying = document.querySelector(".player .now");
let queue = [];
player.addEventListener("ended", () => { if (queue.length) playNext(); });
function playNext() {
  player.src = queue.shift();
  player.play().catch(() => {});
}
async function hear(texts, label) {
  nowPlaying.textContent = "Making the take…";
  try {
    const urls = [];
    for (const text of texts) urls.push((await post("/api/take", {text})).url);
    queue = urls;
    nowPlaying.textContent = label;
    playNext();
  } catch (error) {
    nowPlaying.textContent = error.message;
  }
}
for (const button of document.querySelectorAll("button.play")) {
  button.addEventListener("click", () => {
    const texts = JSON.parse(button.dataset.texts);
    hear(texts, texts.join(" "));
  });
}
// One thing plays at a time on the page.
document.addEventListener("play", (event) => {
  for (const other of document.querySelectorAll("audio")) {
    if (other !== event.target) other.pause();
  }
}, true);

// --- a lexicon entry: select, try, save ---
const fix = document.getElementById("lexicon");
if (fix) {
  const form = fix.querySelector("form");
  const message = fix.querySelector(".message");
  const saveButton = fix.querySelector("button.save");
  const say = (text, error) => { message.textContent = text; message.classList.toggle("error", !!error); };
  const fields = () => ({written: form.written.value, kind: form.kind.value,
                         value: form.value.value, sentence: form.sentence.value});
  document.addEventListener("selectionchange", () => {
    const selection = document.getSelection();
    const text = selection.toString().trim();
    const node = selection.anchorNode && selection.anchorNode.parentElement;
    const sentence = node && node.closest(".written[data-sentence]");
    if (!text || !sentence || text.length > 100) return;
    form.written.value = text;
    form.sentence.value = sentence.dataset.sentence;
    saveButton.disabled = true;
  });
  form.kind.addEventListener("change", () => {
    form.value.placeholder = form.kind.selectedOptions[0].dataset.hint;
  });
  form.addEventListener("input", () => { saveButton.disabled = true; });
  fix.querySelector("button.try").addEventListener("click", async () => {
    try {
      const answer = await post("/api/lexicon/preview", fields());
      fix.querySelector(".preview").hidden = false;
      fix.querySelector(".said-now").textContent = answer.said.join(" ");
      queue = answer.takes;
      nowPlaying.textContent = "Trying: " + answer.said.join(" ");
      playNext();
      saveButton.disabled = false;
      say("");
    } catch (error) { say(error.message, true); }
  });
  saveButton.addEventListener("click", async () => {
    try {
      await post("/api/lexicon", fields());
      say("Saved to the lexicon.");
      location.reload();
    } catch (error) { say(error.message, true); }
  });
}

// --- paragraphs kept or dropped for this article ---
const review = document.querySelector(".review[data-article]");
for (const button of document.querySelectorAll("button.choice")) {
  button.addEventListener("click", async () => {
    const paragraph = button.closest("[data-paragraph]").dataset.paragraph;
    try {
      await post("/api/choice", {article: review.dataset.article, paragraph,
                                 action: button.dataset.action});
      location.reload();
    } catch (error) { alert(error.message); }
  });
}

// --- a line read in article after article, left out of every article ---
for (const button of document.querySelectorAll("button.drop-everywhere")) {
  button.addEventListener("click", async () => {
    const {pattern, line} = button.closest("[data-pattern]").dataset;
    try {
      await post("/api/drop", {pattern, line});
      location.reload();
    } catch (error) { alert(error.message); }
  });
}

// --- the article's text ---
const edit = document.querySelector("details.edit");
if (edit && review) {
  const message = edit.querySelector(".message");
  edit.querySelector("button.save-article").addEventListener("click", async () => {
    try {
      await post("/api/article", {article: review.dataset.article,
                                  text: edit.querySelector("textarea").value});
      location.reload();
    } catch (error) { message.textContent = error.message; message.classList.add("error"); }
  });
}

// --- builds: start one, follow it to the end ---
const progress = document.getElementById("progress");
function show(status) {
  progress.hidden = false;
  progress.querySelector(".what").textContent = status.episode
    ? `Regenerating ${status.episode}` : "Building the show";
  const bar = progress.querySelector("progress");
  if (status.total) { bar.max = status.total; bar.value = status.done; }
  else if (!status.running) { bar.max = 1; bar.value = 1; }
  else bar.removeAttribute("value");
  progress.querySelector(".lines").textContent = status.lines.join("\n");
  const outcome = status.running ? "running…" : `${status.outcome} (exit ${status.exit})`;
  progress.querySelector(".outcome").textContent = outcome;
  progress.className = "progress " + (status.outcome || "running");
  progress.dataset.exit = status.running ? "" : String(status.exit);
}
async function follow(number) {
  const response = await fetch("/api/build", {credentials: "same-origin"});
  const status = await response.json();
  show(status);
  if (status.running) setTimeout(() => follow(number), 400);
  else if (status.number === number) {
    for (const button of document.querySelectorAll("button.build")) button.disabled = false;
    document.dispatchEvent(new CustomEvent("built", {detail: status}));
  }
}
for (const button of document.querySelectorAll("button.build")) {
  button.addEventListener("click", async () => {
    for (const b of document.querySelectorAll("button.build")) b.disabled = true;
    try {
      const status = await post("/api/build", {episode: button.dataset.episode || null});
      follow(status.number);
    } catch (error) {
      show({running: false, lines: [error.message], outcome: "refused", exit: "-"});
    }
  });
}
// After a build from this page, the page again: its new script and published file. The
// last build's lines stay shown (the server puts them in the page).
document.addEventListener("built", () => location.reload());
const last = JSON.parse(progress.dataset.status || "{}");
if (last.number) {
  show(last);
  if (last.running) follow(last.number);
}
