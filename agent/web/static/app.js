// Siheung welfare agent: the citizen's web chat page.
// Plain modern JavaScript, no framework, no build step, no external resources.
// Untrusted text (replies, criteria, documents, citations) is only ever put in the page as text nodes.

import { DEFAULT_LOCALE, LANG_TAGS, LOCALES, STRINGS, format } from "./i18n.js";

const API = {
  stream: "v1/chat/stream",
  chat: "v1/chat",
  feedback: "v1/feedback",
  handoff: (sessionId) => `v1/sessions/${encodeURIComponent(sessionId)}/handoff`,
};
const CASE_POLL_MS = 15000;
const STORAGE = {
  session: "welfare.session_id",
  locale: "welfare.locale",
  localeChosen: "welfare.locale_chosen",
};

const state = {
  locale: DEFAULT_LOCALE,
  localeChosen: false, // true once the citizen picked a language: `locale` is then sent with each turn
  sessionId: null,
  busy: false,
  casePoll: null, // the timer that looks for an officer's reply once she has a case
  officerSeen: 0, // how many officer messages are on the page
};

// ---------------------------------------------------------------------------------------------
// Small helpers

function storageGet(key) {
  try {
    return window.sessionStorage.getItem(key);
  } catch {
    return null; // storage disabled (private mode, policy): the page still works for this visit
  }
}

function storageSet(key, value) {
  try {
    if (value === null || value === undefined) window.sessionStorage.removeItem(key);
    else window.sessionStorage.setItem(key, value);
  } catch {
    /* ignore */
  }
}

/** Create an element; `text` is set as a text node, never parsed as HTML. */
function el(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined && options.text !== null) node.textContent = String(options.text);
  if (options.attrs) {
    for (const [name, value] of Object.entries(options.attrs)) {
      if (value !== undefined && value !== null && value !== false) node.setAttribute(name, String(value));
    }
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function t(key) {
  const table = STRINGS[state.locale] || STRINGS[DEFAULT_LOCALE];
  return key in table ? table[key] : STRINGS[DEFAULT_LOCALE][key];
}

/** A strings table for a reply's own language (cards follow the reply, the chrome follows the UI). */
function tableFor(lang) {
  return STRINGS[lang] || STRINGS[state.locale] || STRINGS[DEFAULT_LOCALE];
}

/** Only http(s) links are made clickable; anything else (javascript:, data:) stays text. */
function safeUrl(value) {
  if (typeof value !== "string" || value.trim() === "") return null;
  try {
    const url = new URL(value, window.location.href);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

function formatNumber(value, lang) {
  try {
    return new Intl.NumberFormat(LANG_TAGS[lang] || "ko-KR").format(value);
  } catch {
    return String(value);
  }
}

function prefersReducedMotion() {
  return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

function scrollToEnd(node) {
  node.scrollIntoView({ block: "end", behavior: prefersReducedMotion() ? "auto" : "smooth" });
}

// ---------------------------------------------------------------------------------------------
// Server-Sent Events over fetch (EventSource cannot POST)

/**
 * Read a `text/event-stream` body and call `onEvent(name, data)` for each event.
 * Handles CRLF / LF / CR line ends, multi-line `data:`, comments and events split across chunks.
 */
async function readEventStream(body, onEvent) {
  const reader = body.getReader();
  const decoder = new TextDecoder("utf-8");
  let buffer = "";
  let eventName = "";
  let dataLines = [];

  const dispatch = () => {
    if (dataLines.length > 0) onEvent(eventName || "message", dataLines.join("\n"));
    eventName = "";
    dataLines = [];
  };

  const processLine = (line) => {
    if (line === "") {
      dispatch();
      return;
    }
    if (line.startsWith(":")) return; // comment / keep-alive
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") eventName = value;
    else if (field === "data") dataLines.push(value);
    // `id` and `retry` are not needed here
  };

  for (;;) {
    const { value, done } = await reader.read();
    buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
    // Split complete lines; keep a trailing "\r" in the buffer since "\r\n" may straddle chunks.
    let match;
    const lineEnd = /\r\n|\n|\r(?=[^\n])/;
    while ((match = lineEnd.exec(buffer)) !== null) {
      processLine(buffer.slice(0, match.index));
      buffer = buffer.slice(match.index + match[0].length);
    }
    if (done) {
      if (buffer.endsWith("\r")) buffer = buffer.slice(0, -1);
      if (buffer !== "") processLine(buffer);
      dispatch();
      return;
    }
  }
}

class ApiError extends Error {
  constructor(message, status, retryAfter) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

async function errorFromResponse(response) {
  let message = `HTTP ${response.status}`;
  try {
    const body = await response.json();
    if (body && typeof body.error === "string") message = body.error;
  } catch {
    /* not JSON */
  }
  return new ApiError(message, response.status, response.headers.get("Retry-After"));
}

function requestBody(message) {
  const body = { message };
  if (state.sessionId) body.session_id = state.sessionId;
  if (state.localeChosen) body.locale = state.locale;
  return JSON.stringify(body);
}

/** One chat turn, streamed; falls back to `POST /v1/chat` when streaming is unavailable. */
async function sendTurn(message, onToken, onReplace = () => {}) {
  const headers = { "Content-Type": "application/json", Accept: "text/event-stream" };
  let response;
  try {
    response = await fetch(API.stream, { method: "POST", headers, body: requestBody(message) });
  } catch (error) {
    throw new ApiError(String(error), 0, null);
  }
  if (response.status === 404 || response.status === 405 || !response.body) {
    return sendTurnPlain(message);
  }
  if (!response.ok) throw await errorFromResponse(response);

  let result = null;
  let streamError = null;
  await readEventStream(response.body, (name, data) => {
    if (name === "token") {
      let delta = data;
      try {
        const parsed = JSON.parse(data);
        if (typeof parsed === "string") delta = parsed; // the contract: a JSON string
      } catch {
        /* a bare string */
      }
      onToken(delta);
    } else if (name === "replace") {
      // The model's reply failed its check after some sentences were shown: show the reply that stands.
      try {
        const parsed = JSON.parse(data);
        if (parsed && typeof parsed.text === "string") onReplace(parsed.text);
      } catch {
        /* ignore a malformed event; the result that follows still carries the reply */
      }
    } else if (name === "result") {
      result = JSON.parse(data);
    } else if (name === "error") {
      let text = data;
      let status = 500;
      try {
        const parsed = JSON.parse(data);
        if (parsed && typeof parsed.error === "string") text = parsed.error;
        if (parsed && Number.isInteger(parsed.status)) status = parsed.status;
      } catch {
        /* a bare string */
      }
      streamError = new ApiError(text, status, null);
    }
  });
  if (streamError) throw streamError;
  if (!result) throw new ApiError("stream ended without a result", 502, null);
  return result;
}

async function sendTurnPlain(message) {
  let response;
  try {
    response = await fetch(API.chat, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: requestBody(message),
    });
  } catch (error) {
    throw new ApiError(String(error), 0, null);
  }
  if (!response.ok) throw await errorFromResponse(response);
  return response.json();
}

/** Rate one reply: `turn` is that reply's chat turn (its session, intent and programs). */
async function sendFeedback(turn, helpful) {
  const body = { session_id: turn.session_id || state.sessionId, helpful };
  if (typeof turn.intent === "string") body.intent = turn.intent;
  if (Array.isArray(turn.programs)) body.programs = turn.programs.slice(0, 20);
  const response = await fetch(API.feedback, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await errorFromResponse(response);
}

// ---------------------------------------------------------------------------------------------
// Rendering

const messagesList = () => document.getElementById("messages");

function addUserMessage(text) {
  const item = el("li", { className: "message message-user" }, [
    el("p", { className: "role", text: t("roleUser"), attrs: { "data-i18n": "roleUser" } }),
    el("div", { className: "bubble" }, [el("p", { className: "user-text", text })]),
  ]);
  messagesList().append(item);
  scrollToEnd(item);
  return item;
}

function addAgentMessage() {
  const replyText = el("p", { className: "reply-text", attrs: { "data-testid": "reply" } });
  const typing = el("p", { className: "typing", text: t("thinking"), attrs: { "data-i18n": "thinking" } });
  const bubble = el("div", { className: "bubble" }, [typing, replyText]);
  const item = el("li", { className: "message message-agent", attrs: { "aria-busy": "true" } }, [
    el("p", { className: "role", text: t("roleAgent"), attrs: { "data-i18n": "roleAgent" } }),
    bubble,
  ]);
  messagesList().append(item);
  scrollToEnd(item);
  return { item, bubble, replyText, typing };
}

function statusText(status, table) {
  return table.status[status] || table.status.unknown;
}

const STATUS_ICON = { eligible: "✔", ineligible: "✘", unknown: "?" };

function renderCard(result, lang, index) {
  const table = tableFor(lang);
  const status = ["eligible", "ineligible", "unknown"].includes(result.status) ? result.status : "unknown";
  // `local`: the card in her language (name, criteria, how to apply, documents, contact), beside the Korean.
  const local = lang !== "ko" && result.local && typeof result.local === "object" ? result.local : null;
  const name =
    (local && local.name) ||
    (lang !== "ko" && result.program_name_en) ||
    result.program_name ||
    result.program_id ||
    "";
  const headingId = `card-${Date.now().toString(36)}-${index}`;

  const card = el("article", {
    className: `card card-${status}`,
    attrs: { "aria-labelledby": headingId, "data-program": result.program_id, "data-status": status },
  });
  const header = el("div", { className: "card-header" }, [
    el("h3", { className: "card-title", text: name, attrs: { id: headingId } }),
    el("p", { className: `badge badge-${status}`, attrs: { "data-testid": "status" } }, [
      el("span", { className: "badge-icon", text: STATUS_ICON[status], attrs: { "aria-hidden": "true" } }),
      el("span", { className: "sr-only", text: `${table.statusLabel}: ` }),
      el("span", { className: "badge-text", text: result.window_closed ? table.status.closed : statusText(status, table) }),
    ]),
  ]);
  card.append(header);

  const facts = el("dl", { className: "card-facts" });
  const addFact = (label, valueNode) => {
    facts.append(el("dt", { text: label }), el("dd", {}, [valueNode]));
  };

  if (typeof result.amount_krw === "number") {
    const period = table.amount[result.amount_period] ? result.amount_period : "none";
    const amount = format(table.amount[period], { amount: formatNumber(result.amount_krw, lang) });
    const value = el("span", { className: "amount" }, [
      el("strong", { text: amount }),
      document.createTextNode(` (${table.amountEstimate})`),
    ]);
    // The engine's note on the amount is written in Korean: shown on a Korean card only.
    if (result.amount_note && lang === "ko") {
      value.append(el("span", { className: "note", text: result.amount_note }));
    }
    addFact(table.amountLabel, value);
  }

  if (facts.childElementCount > 0) card.append(facts);

  // The reply text already says the verdict, the amount and the main reasons: the card keeps the rest (every
  // criterion with its source, how to apply, documents) folded, so a conversation is not read twice.
  const details = el("details", { className: "card-details" }, [
    el("summary", { text: table.detailsLabel, attrs: { "data-testid": "card-details" } }),
  ]);
  if (Array.isArray(result.criteria) && result.criteria.length > 0) {
    const criteriaId = `${headingId}-criteria`;
    const list = el("ul", { className: "criteria", attrs: { "aria-labelledby": criteriaId } });
    result.criteria.forEach((criterion, i) => {
      const label = local && Array.isArray(local.criteria) ? local.criteria[i] : null;
      const passed = criterion.passed === true ? "true" : criterion.passed === false ? "false" : "null";
      const icon = passed === "true" ? "✔" : passed === "false" ? "✘" : "?";
      const item = el("li", { className: `criterion criterion-${passed}` }, [
        el("span", { className: "criterion-icon", text: icon, attrs: { "aria-hidden": "true" } }),
        el("span", { className: "criterion-body" }, [
          el("span", { className: "sr-only", text: `${table.criterion[passed]}: ` }),
          el("span", { className: "criterion-detail", text: label || criterion.detail || criterion.name || "" }),
          criterion.source ? el("span", { className: "criterion-source", text: criterion.source }) : null,
        ]),
      ]);
      list.append(item);
    });
    details.append(el("h4", { className: "card-subheading", text: table.criteriaLabel, attrs: { id: criteriaId } }));
    details.append(list);
  }

  if (Array.isArray(result.missing) && result.missing.length > 0) {
    // What she can tell us, and what only the office can settle (the rules for foreign nationals, a work history).
    const nameOf = (slot) => (table.missingNames && table.missingNames[slot]) || table.missingOther;
    const askable = result.missing.filter((slot) => !CENTRE_DECIDES.includes(slot));
    const centre = result.missing.filter((slot) => CENTRE_DECIDES.includes(slot));
    for (const [slots, label] of [[askable, table.missingLabel], [centre, table.centreLabel]]) {
      if (slots.length === 0) continue;
      card.append(
        el("p", { className: "missing" }, [
          el("strong", { text: `${label}: ` }),
          document.createTextNode([...new Set(slots.map(nameOf))].join(", ")),
        ]),
      );
    }
  }

  const more = el("dl", { className: "card-facts" });
  const addMore = (label, valueNode) => {
    more.append(el("dt", { text: label }), el("dd", {}, [valueNode]));
  };
  const howToApply = (local && local.how_to_apply) || result.how_to_apply;
  if (howToApply) addMore(table.howToApplyLabel, el("span", { text: howToApply }));

  const documents = local && Array.isArray(local.documents) && local.documents.length > 0 ? local.documents : result.documents;
  if (Array.isArray(documents) && documents.length > 0) {
    addMore(
      table.documentsLabel,
      el(
        "ul",
        { className: "documents" },
        documents.map((doc) => el("li", { text: doc })),
      ),
    );
  }

  const contact = (local && local.contact) || result.contact;
  if (contact) addMore(table.contactLabel, el("span", { text: contact }));

  const official = safeUrl(result.official_url);
  if (official) {
    addMore(
      table.officialLink,
      el("a", { text: result.official_url, attrs: { href: official, rel: "noopener noreferrer" } }),
    );
  }

  if (more.childElementCount > 0) details.append(more);

  if (Array.isArray(result.unconfirmed) && result.unconfirmed.length > 0) {
    details.append(
      el("p", { className: "note" }, [
        el("strong", { text: `${table.unconfirmedLabel}: ` }),
        document.createTextNode(result.unconfirmed.join(", ")),
      ]),
    );
  }

  if (details.childElementCount > 1) card.append(details);

  const footer = [table.decisionNote];
  if (result.rules_version) footer.push(format(table.rulesVersion, { version: result.rules_version }));
  card.append(el("p", { className: "card-footer", text: footer.join(" · ") }));
  return card;
}

function renderCitations(citations, lang) {
  const table = tableFor(lang);
  const seen = new Set();
  const items = [];
  for (const citation of citations) {
    if (!citation) continue;
    const key = `${citation.title}|${citation.source}|${citation.url}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const label = citation.title || citation.source || citation.url || "";
    const href = safeUrl(citation.url);
    const item = el("li", { className: "citation" });
    if (href) item.append(el("a", { text: label, attrs: { href, rel: "noopener noreferrer" } }));
    else item.append(el("span", { className: "citation-title", text: label }));
    if (citation.source && citation.source !== label) {
      item.append(el("span", { className: "citation-source", text: citation.source }));
    }
    items.push(item);
  }
  if (items.length === 0) return null;
  const headingId = `citations-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
  return el("section", { className: "citations", attrs: { "aria-labelledby": headingId } }, [
    el("h3", { className: "citations-heading", text: table.citationsLabel, attrs: { id: headingId } }),
    el("ul", {}, items),
  ]);
}

function renderFeedback(turn) {
  const status = el("span", { className: "feedback-status", attrs: { role: "status" } });
  const makeButton = (helpful) => {
    const key = helpful ? "helpful" : "notHelpful";
    const button = el("button", {
      className: "button button-feedback",
      attrs: { type: "button", "aria-pressed": "false", "data-i18n": key },
      text: t(key),
    });
    button.addEventListener("click", async () => {
      for (const other of group.querySelectorAll("button")) other.setAttribute("aria-pressed", "false");
      button.setAttribute("aria-pressed", "true");
      status.textContent = "";
      try {
        await sendFeedback(turn, helpful);
        status.textContent = t("feedbackThanks");
      } catch {
        button.setAttribute("aria-pressed", "false");
        status.textContent = t("feedbackError");
      }
    });
    return button;
  };
  const questionId = `feedback-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
  const group = el("div", { className: "feedback", attrs: { role: "group", "aria-labelledby": questionId } }, [
    el("span", { className: "feedback-question", text: t("feedbackQuestion"), attrs: { id: questionId } }),
    makeButton(true),
    makeButton(false),
    status,
  ]);
  return group;
}

/** Undecided facts no chat answer can settle: the 행정복지센터 (or the job centre) decides them. */
const CENTRE_DECIDES = [
  "nationality_rules",
  "work_history",
  "special_group",
  "employment_center_review",
  "crisis_review",
  "parents_household_income",
  "rules_for_date",
];

function renderResult(view, result) {
  const lang = LOCALES.includes(result.language) ? result.language : state.locale;
  view.item.setAttribute("lang", LANG_TAGS[lang]);
  view.typing.remove();
  // The final reply is authoritative: it replaces whatever was streamed. With result cards, the text leaves
  // out what the cards say (`brief`), so each verdict is read once.
  const shown = Array.isArray(result.eligibility) && result.eligibility.length > 0;
  const text = shown && typeof result.brief === "string" ? result.brief : result.reply;
  view.replyText.textContent = typeof text === "string" ? text : "";

  if (result.crisis) {
    view.item.classList.add("message-crisis");
    const alert = el("div", { className: "crisis-banner", attrs: { role: "alert" } }, [
      el("p", { text: tableFor(lang).crisisBanner }),
    ]);
    view.bubble.prepend(alert);
  }

  const results = Array.isArray(result.eligibility) ? result.eligibility : [];
  if (results.length > 0) {
    // A program's newest card is its answer: earlier cards of the same programs fold away, so a conversation
    // that refines one check does not stack the same card turn after turn.
    const shownNow = new Set(results.map((r) => r.program_id));
    for (const old of document.querySelectorAll(".messages article.card[data-program]")) {
      if (shownNow.has(old.dataset.program)) old.hidden = true;
    }
    for (const section of document.querySelectorAll(".messages section.cards")) {
      if (![...section.querySelectorAll("article.card")].some((card) => !card.hidden)) section.hidden = true;
    }
    const headingId = `results-${Date.now().toString(36)}`;
    const section = el("section", { className: "cards", attrs: { "aria-labelledby": headingId } }, [
      el("h3", { className: "sr-only", text: tableFor(lang).resultsLabel, attrs: { id: headingId } }),
    ]);
    results.forEach((r, i) => section.append(renderCard(r, lang, i)));
    view.bubble.append(section);
  }

  if (result.handoff && result.handoff.id) watchCase(); // the reply already gives the case number

  const citations = Array.isArray(result.citations) ? renderCitations(result.citations, lang) : null;
  if (citations) view.bubble.append(citations);

  view.bubble.append(renderFeedback(result));
  view.item.removeAttribute("aria-busy");

  // Announce the finished reply once (plus the card verdicts) to screen readers.
  const verdicts = results.map((r) => {
    const name = (lang !== "ko" && r.program_name_en) || r.program_name || r.program_id;
    return `${name}: ${statusText(r.status, tableFor(lang))}`;
  });
  announce([view.replyText.textContent, ...verdicts].join("\n"));
}

function renderError(view, error) {
  view.typing.remove();
  let text = t("errorGeneric");
  if (error && error.status === 429) {
    const seconds = Number.parseInt(error.retryAfter || "", 10);
    text = format(t("errorRateLimit"), { seconds: Number.isFinite(seconds) ? seconds : 10 });
  } else if (error && error.status === 0) {
    text = t("errorNetwork");
  }
  view.replyText.textContent = text;
  view.replyText.setAttribute("role", "alert");
  view.item.classList.add("message-error");
  view.item.removeAttribute("aria-busy");
}

function announce(text) {
  const region = document.getElementById("announcer");
  region.textContent = "";
  // A fresh text node after a tick makes screen readers announce repeated identical replies too.
  window.setTimeout(() => {
    region.textContent = text;
  }, 50);
}

// ---------------------------------------------------------------------------------------------
// Her case: an officer's replies appear in the conversation

function watchCase() {
  if (state.casePoll) return;
  pollCase();
  state.casePoll = window.setInterval(pollCase, CASE_POLL_MS);
}

function stopWatchingCase() {
  window.clearInterval(state.casePoll);
  state.casePoll = null;
}

async function pollCase() {
  const sessionId = state.sessionId;
  if (!sessionId) return stopWatchingCase();
  let response;
  try {
    response = await fetch(API.handoff(sessionId), { headers: { Accept: "application/json" } });
  } catch {
    return undefined; // offline for a moment: the next poll tries again
  }
  if (response.status === 404) return stopWatchingCase();
  if (!response.ok || sessionId !== state.sessionId) return undefined;
  const data = await response.json();
  const replies = (Array.isArray(data.messages) ? data.messages : []).filter((m) => m.from === "officer");
  for (const message of replies.slice(state.officerSeen)) addOfficerMessage(message);
  state.officerSeen = Math.max(state.officerSeen, replies.length);
  if (data.status === "closed") stopWatchingCase();
  return undefined;
}

function addOfficerMessage(message) {
  const item = el("li", { className: "message message-agent message-officer" }, [
    el("p", { className: "role", text: t("roleOfficer"), attrs: { "data-i18n": "roleOfficer" } }),
    el("div", { className: "bubble" }, [
      el("p", { className: "reply-text", text: String(message.text || ""), attrs: { "data-testid": "officer-reply" } }),
    ]),
  ]);
  messagesList().append(item);
  announce(`${t("roleOfficer")}: ${message.text}`);
  item.scrollIntoView({ block: "start", behavior: prefersReducedMotion() ? "auto" : "smooth" });
}

// ---------------------------------------------------------------------------------------------
// Conversation flow

function setBusy(busy) {
  state.busy = busy;
  const send = document.getElementById("send-button");
  send.setAttribute("aria-disabled", busy ? "true" : "false");
  document.getElementById("handoff-button").setAttribute("aria-disabled", busy ? "true" : "false");
  document.getElementById("composer-status").textContent = busy ? t("thinking") : "";
}

async function ask(message) {
  const text = message.trim();
  if (state.busy) return;
  if (!text) {
    document.getElementById("composer-status").textContent = t("emptyMessage");
    return;
  }
  setBusy(true);
  addUserMessage(text);
  const view = addAgentMessage();
  let streamed = "";
  try {
    const result = await sendTurn(
      text,
      (delta) => {
        if (view.typing.isConnected) view.typing.remove();
        streamed += delta;
        view.replyText.textContent = streamed;
      },
      (reply) => {
        streamed = reply;
        view.replyText.textContent = reply;
      },
    );
    if (result && typeof result.session_id === "string" && result.session_id) {
      state.sessionId = result.session_id;
      storageSet(STORAGE.session, state.sessionId);
    }
    // A citizen who has not picked a language and writes in another one gets the page in that language.
    if (!state.localeChosen && LOCALES.includes(result.language) && result.language !== state.locale) {
      applyLocale(result.language, false);
    }
    renderResult(view, result);
  } catch (error) {
    renderError(view, error);
  } finally {
    setBusy(false);
    // The reply is read from its beginning (a follow-up question stays on a phone's screen).
    view.item.scrollIntoView({ block: "start", behavior: prefersReducedMotion() ? "auto" : "smooth" });
  }
}

// ---------------------------------------------------------------------------------------------
// Language

function renderSuggestions() {
  const list = document.getElementById("suggestion-list");
  list.replaceChildren(
    ...t("suggestions").map((question) =>
      el("li", {}, [
        el("button", { className: "chip", text: question, attrs: { type: "button", "data-suggestion": "true" } }),
      ]),
    ),
  );
}

function applyLocale(locale, chosen) {
  if (!LOCALES.includes(locale)) locale = DEFAULT_LOCALE;
  state.locale = locale;
  if (chosen) state.localeChosen = true;
  storageSet(STORAGE.locale, locale);
  storageSet(STORAGE.localeChosen, state.localeChosen ? "1" : null);

  document.documentElement.lang = LANG_TAGS[locale];
  document.title = t("pageTitle");
  // Static chrome and the role labels of earlier messages follow the UI language.
  for (const node of document.querySelectorAll("[data-i18n]")) {
    const value = t(node.getAttribute("data-i18n"));
    if (typeof value !== "string") continue;
    node.textContent = value;
  }
  for (const node of document.querySelectorAll("[data-i18n-placeholder]")) {
    node.setAttribute("placeholder", t(node.getAttribute("data-i18n-placeholder")));
  }
  const welcome = document.getElementById("welcome");
  if (welcome) welcome.setAttribute("lang", LANG_TAGS[locale]);
  const select = document.getElementById("language-select");
  if (select.value !== locale) select.value = locale;
  renderSuggestions();
}

// ---------------------------------------------------------------------------------------------
// Start-up

function init() {
  state.sessionId = storageGet(STORAGE.session);
  state.localeChosen = storageGet(STORAGE.localeChosen) === "1";
  const savedLocale = storageGet(STORAGE.locale);
  applyLocale(LOCALES.includes(savedLocale) ? savedLocale : DEFAULT_LOCALE, false);

  const form = document.getElementById("composer");
  const input = document.getElementById("message-input");

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (state.busy) return;
    const message = input.value;
    if (message.trim()) input.value = "";
    ask(message);
    input.focus();
  });

  input.addEventListener("keydown", (event) => {
    // Enter sends; Shift+Enter is a new line; never send while an IME (Korean, Chinese) is composing.
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  document.getElementById("suggestion-list").addEventListener("click", (event) => {
    const button = event.target.closest("button[data-suggestion]");
    if (button) ask(button.textContent || "");
  });

  document.getElementById("handoff-button").addEventListener("click", () => ask(t("handoffMessage")));

  document.getElementById("new-chat-button").addEventListener("click", () => {
    stopWatchingCase();
    state.officerSeen = 0;
    state.sessionId = null;
    storageSet(STORAGE.session, null);
    const list = messagesList();
    const welcome = document.getElementById("welcome");
    list.replaceChildren(welcome);
    document.getElementById("announcer").textContent = "";
    input.focus();
  });

  document.getElementById("language-select").addEventListener("change", (event) => {
    applyLocale(event.target.value, true);
  });

  if (state.sessionId) watchCase(); // a reply from an officer may have come while the page was closed
  document.body.classList.add("ready");
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
