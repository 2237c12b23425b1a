// The officers' console: sign in, the consultation screen (a household form whose results for all programs
// update as the officer types), the printable checklist for the resident, and the handoff queue.
// It calls the officer API with the session cookie; requests that change something carry the CSRF token.

const $ = (id) => document.getElementById(id);
const state = {
  csrf: null, name: null, programs: {}, results: [], timer: null, seq: 0, caseId: null, poll: null,
  included: new Set(),  // programs "needing a fact" the officer chose to put on the checklist
  screening: [],  // the ranked households of the last screening
};

const RELATIONS = [["self", "본인"], ["spouse", "배우자"], ["child", "자녀"], ["parent", "부모"],
  ["grandchild", "손자녀"], ["sibling", "형제자매"], ["other", "기타"]];
const DISABILITY = [["", "모름"], ["none", "없음"], ["mild", "경증 (심하지 않은 장애)"], ["severe", "중증 (심한 장애)"]];
const SCHOOL = [["", "모름"], ["none", "다니지 않음"], ["elementary", "초등학교"], ["middle", "중학교"],
  ["high", "고등학교"], ["university", "대학교"]];
const TRI = [["", "모름"], ["true", "예"], ["false", "아니요"]];
const NATIONALITY = [["", "한국"], ["CN", "중국"], ["VN", "베트남"], ["UZ", "우즈베키스탄"], ["PH", "필리핀"],
  ["KH", "캄보디아"], ["TH", "태국"], ["NP", "네팔"], ["ID", "인도네시아"], ["MN", "몽골"], ["RU", "러시아"],
  ["KZ", "카자흐스탄"], ["US", "미국"]];
const CRISIS = [["breadwinner_death", "주소득자 사망"], ["breadwinner_absent", "주소득자 가출·행방불명"],
  ["serious_illness", "중한 질병·부상"], ["abuse", "방임·유기·학대"], ["domestic_violence", "가정폭력·성폭력"],
  ["fire_disaster", "화재 등 재난"], ["business_closure", "휴업·폐업"], ["job_loss", "실직"], ["divorce", "이혼"],
  ["utility_cutoff", "단전·단수"], ["released_from_prison", "출소"], ["other", "그 밖의 위기"]];
const STATUS = { eligible: "받을 가능성 높음", unknown: "확인 필요", closed: "신청 기간 끝남", ineligible: "해당 없음" };
const CASE_STATUS = { open: "대기", claimed: "처리 중", closed: "종결" };
const CONTACT = { chat: "채팅 답변", phone: "전화", visit: "방문 상담" };
const REASON = { crisis: "위기", requested: "요청", undecidable: "판단 어려움" };
const LANGUAGE = { ko: "한국어", en: "영어", zh: "중국어", vi: "베트남어" };
const PERIOD = { month: "월", year: "연", once: "1회", quarter: "분기" };
// The engine's assumptions are the contract's English strings; the console shows them in Korean.
const ASSUMPTION = { "members are Korean nationals": "가구원 모두 한국 국적" };

// ------------------------------------------------------------------------------------------------
// HTTP

async function api(method, url, body) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && state.csrf) headers["X-CSRF-Token"] = state.csrf;
  const response = await fetch(url, {
    method, headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body),
  });
  let data = null;
  if (response.status !== 204) {
    try { data = await response.json(); } catch { data = null; }
  }
  if (response.status === 401 && url !== "/officer/session") showSignIn("로그인이 끝났어요. 다시 로그인해 주세요.");
  return { ok: response.ok, status: response.status, data };
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function fill(node, ...children) {
  node.replaceChildren(...children.flat(Infinity).filter((child) => child !== null && child !== undefined));
}

function won(krw, period) {
  if (krw === null || krw === undefined) return null;
  return `${PERIOD[period] ? PERIOD[period] + " " : ""}${Number(krw).toLocaleString("ko-KR")}원`;
}

// ------------------------------------------------------------------------------------------------
// Signing in and out

function showSignIn(message) {
  state.csrf = null;
  $("signin-view").hidden = false;
  for (const id of ["consult-view", "queue-view", "console-nav", "who"]) $(id).hidden = true;
  $("signin-error").textContent = message || "";
  clearInterval(state.poll);
  $("officer-key").focus();
}

function showConsole(who) {
  state.csrf = who.csrf;
  state.name = who.name;
  $("who-name").textContent = `${who.name} 님 (${who.role === "admin" ? "관리자" : "담당자"})`;
  $("signin-view").hidden = true;
  $("console-nav").hidden = false;
  $("who").hidden = false;
  showView("consult", false);
  refreshQueueCount();
  clearInterval(state.poll);
  state.poll = setInterval(() => {
    refreshQueueCount();
    if (!$("queue-view").hidden) loadQueue();
  }, 20000);
}

async function signIn(event) {
  event.preventDefault();
  const input = $("officer-key");
  const key = input.value.trim();
  if (!key) {
    $("signin-error").textContent = "담당자 키를 입력해 주세요.";
    input.setAttribute("aria-invalid", "true");
    input.focus();
    return;
  }
  const result = await api("POST", "/officer/session", { key });
  input.value = "";  // the key never stays on the page
  if (!result.ok) {
    $("signin-error").textContent = result.data?.error || "로그인하지 못했어요.";
    input.setAttribute("aria-invalid", "true");
    input.focus();
    return;
  }
  input.removeAttribute("aria-invalid");
  showConsole(result.data);
}

async function signOut() {
  await api("DELETE", "/officer/session");
  showSignIn("로그아웃했어요.");
}

const HEADINGS = { consult: "household-heading", queue: "queue-heading", screen: "screen-heading" };

function showView(view, focus = true) {
  for (const name of Object.keys(HEADINGS)) $(`${name}-view`).hidden = view !== name;
  for (const tab of document.querySelectorAll(".tab")) {
    if (tab.dataset.view === view) tab.setAttribute("aria-current", "page");
    else tab.removeAttribute("aria-current");
  }
  if (view === "queue") loadQueue();
  if (focus) $(HEADINGS[view]).focus?.();
}

// ------------------------------------------------------------------------------------------------
// The household form

function options(pairs, selected) {
  return pairs.map(([value, label]) => el("option", { value, selected: String(selected ?? "") === value }, label));
}

function memberRow(member = {}) {
  const index = $("members").children.length;
  const field = (label, control, wide = false) => el("label", { class: wide ? "wide" : null }, label, " ", control);
  const number = (path, min, max, value, unit) => el("span", { class: "with-unit" },
    el("input", { type: "number", inputmode: "numeric", min, max, step: "1", "data-mpath": path, value: value ?? null }),
    unit ? el("span", { class: "unit" }, unit) : null);
  const select = (path, pairs, value) => el("select", { "data-mpath": path }, options(pairs, value));
  const money = (path, value) => el("span", { class: "with-unit" },
    el("input", { type: "number", inputmode: "numeric", min: "0", step: "any", "data-mpath": path, "data-unit": "man",
      value: value === undefined || value === null ? null : String(value / 10000) }),
    el("span", { class: "unit" }, "만원"));
  const tri = (path, value) => select(path, TRI, value === undefined || value === null ? "" : String(value));
  const row = el("fieldset", { class: "member" },
    el("legend", {}, `가구원 ${index + 1}`),
    el("div", { class: "row" },
      field("관계", select("relation", RELATIONS, member.relation || (index === 0 ? "self" : "child"))),
      field("나이 (만)", number("age", 0, 130, member.age, "세")),
      field("개월 (3세 미만)", number("months_old", 0, 60, member.months_old, "개월")),
      field("생년월일", el("input", { type: "date", "data-mpath": "birth_date", value: member.birth_date ?? null })),
    ),
    el("div", { class: "row" },
      field("장애", select("disability", DISABILITY, member.disability)),
      field("학교", select("school", SCHOOL, member.school)),
      field("일함", tri("employed", member.employed)),
      field("임신", tri("pregnant", member.pregnant)),
      field("어린이집", tri("daycare", member.daycare)),
      field("국적", select("nationality", NATIONALITY, member.nationality)),
    ),
    // this member's own income, inside the household's: 기초연금·장애인연금 count only 본인·배우자
    el("div", { class: "row" },
      field("본인 근로·사업소득", money("earned_krw", member.earned_krw)),
      field("본인 그 밖의 소득", money("other_krw", member.other_krw)),
    ),
    index === 0 ? null : el("button", {
      type: "button", class: "button button-quiet remove",
      onclick: (event) => { event.currentTarget.closest(".member").remove(); renumber(); schedule(); },
    }, `가구원 ${index + 1} 빼기`),
  );
  $("members").append(row);
  return row;
}

function renumber() {
  [...$("members").children].forEach((row, index) => {
    row.querySelector("legend").textContent = `가구원 ${index + 1}`;
    const remove = row.querySelector(".remove");
    if (remove) remove.textContent = `가구원 ${index + 1} 빼기`;
  });
}

function checkboxes(container, pairs, name, noneLabel) {
  fill(container, 
    ...pairs.map(([value, label]) => el("label", { class: "check" },
      el("input", { type: "checkbox", name, value }), " ", label)),
    el("label", { class: "check none" }, el("input", { type: "checkbox", name, value: "__none__" }), " ", noneLabel),
  );
}

function valueOf(input) {
  const raw = input.value.trim();
  if (raw === "") return undefined;
  if (input.dataset.type === "bool" || ["employed", "pregnant", "daycare"].includes(input.dataset.mpath)) {
    return raw === "true";
  }
  if (input.type === "number") {
    const number = Number(raw);
    return input.dataset.unit === "man" ? Math.round(number * 10000) : number;
  }
  return raw;
}

function setPath(target, path, value) {
  const keys = path.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) node = node[key] ??= {};
  node[keys.at(-1)] = value;
}

function getPath(source, path) {
  return path.split(".").reduce((node, key) => (node == null ? undefined : node[key]), source);
}

function readForm() {
  const household = { members: [] };
  for (const row of $("members").children) {
    const member = {};
    for (const input of row.querySelectorAll("[data-mpath]")) {
      const value = valueOf(input);
      if (value !== undefined) member[input.dataset.mpath] = value;
    }
    household.members.push(member);
  }
  for (const input of $("household-form").querySelectorAll("[data-path]")) {
    const value = valueOf(input);
    if (value !== undefined) setPath(household, input.dataset.path, value);
  }
  // Income and assets are told as a whole ("연금 30만원이 다예요"): one kind filled, the kinds left blank are none.
  for (const [group, kinds] of [["income", ["earned_krw", "other_krw"]], ["assets", ["property_krw", "financial_krw", "debt_krw"]]]) {
    const given = household[group];
    if (given) for (const kind of kinds) given[kind] ??= 0;
  }
  for (const [name, key] of [["crisis", "crisis"], ["receiving", "receiving"]]) {
    const checked = [...document.querySelectorAll(`input[name="${name}"]:checked`)].map((box) => box.value);
    if (checked.includes("__none__")) household[key] = [];
    else if (checked.length) household[key] = checked;
  }
  return household;
}

function fillForm(household) {
  fill($("members"));
  for (const member of household.members?.length ? household.members : [{ relation: "self" }]) memberRow(member);
  for (const input of $("household-form").querySelectorAll("[data-path]")) {
    const value = getPath(household, input.dataset.path);
    if (value === undefined || value === null) input.value = input.dataset.path.startsWith("region.") ? input.defaultValue : "";
    else input.value = input.dataset.unit === "man" ? String(value / 10000) : String(value);
  }
  for (const name of ["crisis", "receiving"]) {
    const values = household[name];
    for (const box of document.querySelectorAll(`input[name="${name}"]`)) {
      box.checked = Array.isArray(values) && (values.includes(box.value) || (box.value === "__none__" && !values.length));
    }
  }
  schedule(0);
}

function clearErrors() {
  for (const node of document.querySelectorAll("[aria-invalid='true']")) node.removeAttribute("aria-invalid");
  for (const node of document.querySelectorAll(".field-error")) node.remove();
  $("form-error").textContent = "";
}

function markError(input, message) {
  input.setAttribute("aria-invalid", "true");
  const note = el("span", { class: "field-error", id: `err-${Math.random().toString(36).slice(2)}` }, message);
  input.closest("label")?.append(note);
  input.setAttribute("aria-describedby", note.id);
}

function fieldFor(path) {
  const member = /^members\[(\d+)\]\.(\w+)$/.exec(path);
  if (member) return $("members").children[Number(member[1])]?.querySelector(`[data-mpath="${member[2]}"]`);
  return $("household-form").querySelector(`[data-path="${path}"]`);
}

function schedule(delay = 350) {
  clearTimeout(state.timer);
  state.timer = setTimeout(consult, delay);
}

async function consult() {
  clearErrors();
  const invalid = [...$("household-form").querySelectorAll("input")].filter((input) => !input.validity.valid);
  if (invalid.length) {
    for (const input of invalid) markError(input, input.validationMessage);
    $("form-error").textContent = "표시된 칸을 고쳐 주세요.";
    return;
  }
  const seq = ++state.seq;
  $("results-status").textContent = "판정 중…";
  const result = await api("POST", "/v1/eligibility/consult", readForm());
  if (seq !== state.seq) return;  // a newer edit is on its way
  if (!result.ok) {
    const message = result.data?.error || "판정하지 못했어요.";
    const input = result.data?.field ? fieldFor(result.data.field) : null;
    if (input) markError(input, message);
    $("form-error").textContent = `입력을 확인해 주세요: ${message}`;
    $("results-status").textContent = "입력 오류로 판정하지 못했어요.";
    return;
  }
  state.results = result.data.results;
  renderResults(state.results);
}

// ------------------------------------------------------------------------------------------------
// Results

function criterionItem(criterion) {
  const mark = criterion.passed === true ? ["pass", "충족"] : criterion.passed === false ? ["fail", "미충족"] : ["open", "확인 필요"];
  return el("li", { class: `criterion ${mark[0]}` },
    el("span", { class: "mark" }, mark[1]), " ", criterion.detail,
    criterion.source ? el("span", { class: "source" }, ` — ${criterion.source}`) : null);
}

function resultCard(result) {
  const amount = won(result.amount_krw, result.amount_period);
  const failing = result.criteria.filter((c) => c.passed === false);
  const shown = result.status === "ineligible" ? failing : result.criteria;
  return el("article", { class: `card status-${result.status}`, "aria-labelledby": `card-${result.program_id}` },
    el("h5", { id: `card-${result.program_id}` }, result.name_ko,
      amount ? el("span", { class: "amount" }, `${amount} (예상)`) : null),
    result.after?.length ? el("p", { class: "after" },
      `먼저 받을 급여: ${result.after.map((id) => state.programs[id]?.name_ko || id).join(", ")} — 그 급여를 받게 되면 대상`) : null,
    el("ul", { class: "criteria" }, shown.map(criterionItem)),
    result.questions?.length ? el("div", { class: "ask" },
      el("p", { class: "ask-label" }, "주민께 물어볼 것"),
      el("ul", {}, result.questions.map((q) => el("li", {}, q.question)))) : null,
    result.status === "ineligible" ? null : el("label", { class: "check include" },
      el("input", {
        type: "checkbox", "data-include": result.program_id, checked: result.status === "eligible" || state.included.has(result.program_id),
        onchange: (event) => {
          if (event.currentTarget.checked) state.included.add(result.program_id);
          else state.included.delete(result.program_id);
          updatePrintButton();
        },
      }), " 신청 안내문에 넣기"),
    el("p", { class: "meta" }, `규정 기준일 ${result.rules_version}`,
      result.assumptions?.length ? ` · 가정: ${result.assumptions.map((a) => ASSUMPTION[a] || a).join(", ")}` : ""),
  );
}

function renderResults(results) {
  const groups = { eligible: [], unknown: [], closed: [], ineligible: [] };
  for (const result of results) groups[result.window_closed ? "closed" : result.status]?.push(result);
  const section = (status, open) => {
    const items = groups[status];
    const heading = `${STATUS[status]} (${items.length})`;
    const body = items.length ? items.map(resultCard) : [el("p", { class: "hint" }, "없음")];
    if (status === "ineligible") {
      return el("details", { class: `group-${status}` }, el("summary", {}, el("h4", {}, heading)), body);
    }
    return el("section", { class: `group-${status}`, "aria-label": heading }, el("h4", {}, heading), body);
  };
  fill($("result-groups"), section("eligible"), section("unknown"),
    groups.closed.length ? section("closed") : null, section("ineligible"));
  $("results-status").textContent =
    `19개 제도 판정: 받을 가능성 높음 ${groups.eligible.length}, 확인 필요 ${groups.unknown.length}, ` +
    `${groups.closed.length ? `신청 기간 끝남 ${groups.closed.length}, ` : ""}해당 없음 ${groups.ineligible.length}`;
  updatePrintButton();
}

function chosen() {
  return [...document.querySelectorAll("[data-include]:checked")].map((box) => box.dataset.include);
}

function updatePrintButton() {
  const count = chosen().length;
  $("print-button").disabled = count === 0;
  $("print-button").textContent = count ? `신청 안내문 인쇄 (${count}개 제도)` : "신청 안내문 인쇄";
}

// ------------------------------------------------------------------------------------------------
// The checklist the resident takes home (printed on A4)

function buildChecklist() {
  const today = new Date().toISOString().slice(0, 10);
  const picked = new Set(chosen());
  const apply = state.results.filter((r) => picked.has(r.program_id));
  const versions = [...new Set(apply.map((r) => r.rules_version))].sort();
  const item = (result) => {
    const program = state.programs[result.program_id] || {};
    const amount = won(result.amount_krw, result.amount_period);
    return el("section", { class: "check-item" },
      el("h2", {}, el("span", { class: "box", "aria-hidden": "true" }, "□ "), result.name_ko,
        result.status === "unknown" ? el("span", { class: "tag" }, " (확인 후 신청)") : null),
      amount ? el("p", {}, el("strong", {}, "예상 금액: "), `${amount} (심사로 달라질 수 있어요)`) : null,
      result.after?.length
        ? el("p", {}, el("strong", {}, "먼저 신청: "), result.after.map((id) => state.programs[id]?.name_ko || id).join(", "))
        : null,
      result.status === "unknown" && result.questions?.length
        ? el("p", {}, el("strong", {}, "신청 때 확인할 것: "), result.questions.map((q) => q.label).join(", ")) : null,
      el("p", {}, el("strong", {}, "신청: "), program.how_to_apply || result.how_to_apply || "행정복지센터"),
      (program.documents || result.documents || []).length
        ? el("div", {}, el("strong", {}, "준비 서류"), el("ul", {}, (program.documents || result.documents).map((d) => el("li", {}, d))))
        : null,
      el("p", {}, el("strong", {}, "문의: "), [program.agency, program.contact].filter(Boolean).join(" · ") || "보건복지상담센터 129"),
    );
  };
  fill($("checklist"), 
    el("header", {},
      el("h1", {}, "시흥시 복지 신청 안내"),
      el("p", {}, `상담일 ${today} · 상담 담당 ${state.name || ""} · 적용 규정 기준일 ${versions.join(", ") || "-"}`)),
    el("p", { class: "lead" }, "오늘 상담에서 받으실 가능성이 있는 제도와 신청 방법, 준비 서류입니다."),
    apply.map(item),
    el("footer", {},
      el("p", {}, el("strong", {}, "최종 결정은 신청 후 행정복지센터(담당 기관)의 조사와 심사로 정해집니다."),
        " 이 안내는 상담 때 말씀하신 내용으로 미리 살펴본 결과예요."),
      el("p", {}, "궁금한 점은 가까운 행정복지센터나 보건복지상담센터 129(24시간), 시흥시청 031-310-2114로 문의하세요.")),
  );
}

function printChecklist() {
  buildChecklist();
  window.print();
}

// ------------------------------------------------------------------------------------------------
// The handoff queue

async function refreshQueueCount() {
  const result = await api("GET", "/v1/handoffs/summary");
  if (!result.ok) return;
  const { open, crisis_open: crisis } = result.data;
  $("queue-count").textContent = open ? `(${open}${crisis ? `, 위기 ${crisis}` : ""})` : "";
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString("ko-KR", { dateStyle: "short", timeStyle: "short" }) : "-";
}

async function loadQueue() {
  const status = $("queue-filter").value;
  const query = status && status !== "active" ? `?status=${status}` : "";
  const result = await api("GET", `/v1/handoffs${query}`);
  if (!result.ok) return;
  if (status === "active") result.data = result.data.filter((c) => c.status !== "closed");
  const list = $("case-list");
  fill(list, ...(result.data.length ? result.data.map((c) => el("li", {},
    el("button", {
      type: "button", class: `case-item${c.reason === "crisis" ? " crisis" : ""}`,
      "aria-current": c.case_id === state.caseId ? "true" : null,
      onclick: () => openCase(c.case_id),
    },
      el("span", { class: `badge reason-${c.reason}` }, REASON[c.reason] || c.reason),
      el("span", { class: `badge status-${c.status}` }, CASE_STATUS[c.status] || c.status),
      el("span", { class: "badge" }, CONTACT[c.contact] || c.contact),
      el("span", { class: "case-id" }, c.case_id),
      el("span", { class: "case-time" }, when(c.created_at)),
    ))) : [el("li", { class: "hint" }, "요청이 없어요.")]));
}

async function openCase(caseId) {
  state.caseId = caseId;
  const result = await api("GET", `/v1/handoffs/${caseId}`);
  if (!result.ok) return;
  renderCase(result.data);
  loadQueue();
  $("case-detail").focus();
}

function renderCase(c) {
  const detail = $("case-detail");
  const term = (label, value) => [el("dt", {}, label), el("dd", {}, value ?? "-")];
  const likely = (c.results || []).filter((r) => r.status === "eligible");
  fill(detail, 
    el("h3", {}, `요청 ${c.case_id}`, c.reason === "crisis" ? el("span", { class: "badge reason-crisis" }, "위기") : null),
    el("dl", { class: "facts" },
      term("상태", CASE_STATUS[c.status] || c.status),
      term("연락 방법", CONTACT[c.contact] || c.contact),
      c.contact === "phone" ? term("전화번호", c.phone || "(받지 못함)") : [],
      term("언어", LANGUAGE[c.language] || c.language),
      term("접수", when(c.created_at)),
      term("담당", c.claimed_by),
      c.outcome ? term("처리 결과", c.outcome) : []),
    el("h4", {}, "요약"),
    el("pre", { class: "summary" }, c.summary),
    (c.programs || []).length
      ? el("p", {}, el("strong", {}, "묻던 제도: "), c.programs.map((id) => state.programs[id]?.name_ko || id).join(", "))
      : null,
    likely.length ? [el("h4", {}, "모은 정보로 받을 가능성이 높은 제도"),
      el("ul", {}, likely.map((r) => el("li", {}, `${state.programs[r.program_id]?.name_ko || r.program_id}: ${STATUS[r.status]}`)))] : [],
    Object.keys(c.facts || {}).length
      ? el("button", { type: "button", class: "button", onclick: () => openInConsult(c) }, "상담 화면에서 가구 정보 열기")
      : el("p", { class: "hint" }, "대화에서 모은 가구 정보가 없어요."),
    el("h4", {}, "대화 기록 (개인정보 가림)"),
    el("ol", { class: "transcript" }, (c.transcript || []).map((t) =>
      el("li", { class: `from-${t.from}` }, el("span", { class: "who" }, t.from === "citizen" ? "주민" : "도우미"), t.text))),
    el("h4", {}, "주고받은 메시지"),
    el("ol", { class: "transcript" }, (c.messages || []).length ? c.messages.map((m) =>
      el("li", { class: `from-${m.from}` },
        el("span", { class: "who" }, m.from === "officer" ? `담당자 ${m.author || ""}` : "주민",
          el("span", { class: "case-time" }, ` · ${when(m.at)}`)), m.text))
      : [el("li", { class: "hint" }, "아직 없어요.")]),
    caseActions(c),
  );
}

function caseActions(c) {
  if (c.status === "closed") return el("p", { class: "hint" }, "종결된 요청이에요.");
  const reply = el("form", { class: "reply-form", onsubmit: async (event) => {
    event.preventDefault();
    const text = event.currentTarget.elements.text.value.trim();
    if (!text) return;
    const result = await api("POST", `/v1/handoffs/${c.case_id}/messages`, { text });
    if (result.ok) openCase(c.case_id);
  } },
    el("label", { for: "reply-text" }, c.contact === "chat" ? "주민에게 답장 (주민의 채팅 화면에 보여요)" : "주민에게 메시지 (채팅 화면에 보여요)"),
    el("textarea", { id: "reply-text", name: "text", rows: "3", maxlength: "4000", required: true }),
    el("button", { type: "submit", class: "button button-primary" }, "보내기"));
  const close = el("form", { class: "close-form", onsubmit: async (event) => {
    event.preventDefault();
    const outcome = event.currentTarget.elements.outcome.value.trim();
    const error = event.currentTarget.querySelector(".error");
    if (!outcome) { error.textContent = "처리 결과를 적어 주세요."; return; }
    const result = await api("PATCH", `/v1/handoffs/${c.case_id}`, { status: "closed", outcome });
    if (result.ok) openCase(c.case_id);
    else error.textContent = result.data?.error || "종결하지 못했어요.";
  } },
    el("label", { for: "outcome-text" }, "처리 결과"),
    el("input", { id: "outcome-text", name: "outcome", type: "text", maxlength: "2000" }),
    el("p", { class: "error", role: "alert" }),
    el("button", { type: "submit", class: "button" }, "종결"));
  const claim = c.status === "open" ? el("button", { type: "button", class: "button", onclick: async () => {
    const result = await api("PATCH", `/v1/handoffs/${c.case_id}`, { status: "claimed" });
    if (result.ok) openCase(c.case_id);
  } }, "내가 맡기") : null;
  return el("div", { class: "case-actions" }, claim, reply, close);
}

function openInConsult(c) {
  showView("consult");
  fillForm(c.facts);
  $("case-banner").hidden = false;
  $("case-banner").textContent = `요청 ${c.case_id}의 대화에서 모은 가구 정보를 불러왔어요. 주민과 확인하며 고쳐 주세요.`;
}

// ------------------------------------------------------------------------------------------------
// Screening the stored household records

const PRIORITY = { crisis: "위기", very_old_alone: "80세 이상 홀로", infant: "영아", severe_disability: "중증 장애" };

function programName(id) {
  return state.programs[id]?.name_ko || id;
}

async function runScreening(event) {
  event.preventDefault();
  const dong = $("screen-dong").value.trim();
  $("screen-summary").textContent = "선별하는 중이에요…";
  const result = await api("POST", "/v1/screenings", { imported: true, ...(dong ? { dong } : {}) });
  if (!result.ok) {
    $("screen-summary").textContent = `선별하지 못했어요: ${result.data?.detail?.[0]?.msg || result.data?.detail || result.status}`;
    return;
  }
  state.screening = result.data.results.filter((item) => !item.error && item.candidates.length);
  const { records, errors } = result.data.summary;
  $("screen-summary").textContent = records
    ? `${dong || "전체"} 가구 기록 ${records}건 중 ${state.screening.length}가구에 아직 받지 않는 급여가 있어요.`
      + (errors ? ` 확인할 수 없는 기록 ${errors}건은 뺐어요.` : "")
    : `${dong || "전체"}에 저장된 가구 기록이 없어요.`;
  fill($("screen-rows"), state.screening.map(screeningRow));
  $("screen-table").hidden = !state.screening.length;
  $("screen-csv").disabled = !state.screening.length;
}

function screeningRow(item, index) {
  const programs = item.candidates.map((c) => programName(c.program_id));
  return el("tr", { class: item.priorities.includes("crisis") ? "crisis" : null },
    el("td", {}, String(index + 1)),
    el("td", {}, item.record_id),
    el("td", {}, item.dong || "-"),
    el("td", {}, item.priorities.map((p) => PRIORITY[p] || p).join(", ") || "-"),
    el("td", {}, programs.join(", ")),
    el("td", { class: "amount" }, item.missed_monthly_krw ? `${item.missed_monthly_krw.toLocaleString("ko-KR")}원` : "-"),
    el("td", {}, el("button", {
      type: "button", class: "button button-quiet",
      "aria-label": `기록 ${item.record_id} 상담 화면에서 열기`,
      onclick: () => openRecord(item),
    }, "상담 화면에서 열기")));
}

function openRecord(item) {
  showView("consult");
  fillForm(item.household);
  $("case-banner").hidden = false;
  $("case-banner").textContent = `가구 기록 ${item.record_id}${item.dong ? ` (${item.dong})` : ""}을 불러왔어요. 주민과 확인하며 고쳐 주세요.`;
}

function csvCell(value) {
  const text = String(value ?? "");
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function downloadScreening() {
  const header = ["순위", "기록 번호", "동", "우선 사유", "받을 가능성 높은 급여", "월 추정액(원)"];
  const lines = [header, ...state.screening.map((item, index) => [
    index + 1, item.record_id, item.dong || "", item.priorities.map((p) => PRIORITY[p] || p).join(" · "),
    item.candidates.map((c) => programName(c.program_id)).join(" · "), item.missed_monthly_krw,
  ])].map((cells) => cells.map(csvCell).join(","));
  // A byte-order mark: spreadsheet programs then read the Korean text as UTF-8.
  const blob = new Blob(["\ufeff" + lines.join("\r\n")], { type: "text/csv;charset=utf-8" });
  const link = el("a", { href: URL.createObjectURL(blob), download: `screening-${$("screen-dong").value.trim() || "all"}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

// ------------------------------------------------------------------------------------------------

async function loadPrograms() {
  const result = await api("GET", "/v1/programs");
  if (!result.ok) return;
  for (const program of result.data) state.programs[program.id] = program;
  checkboxes($("receiving-checks"), result.data.map((p) => [p.id, p.name_ko]), "receiving", "받는 급여 없음 (확인함)");
}

async function start() {
  checkboxes($("crisis-checks"), CRISIS, "crisis", "위기 사유 없음 (확인함)");
  memberRow({ relation: "self" });
  $("signin-form").addEventListener("submit", signIn);
  $("sign-out").addEventListener("click", signOut);
  for (const tab of document.querySelectorAll(".tab")) tab.addEventListener("click", () => showView(tab.dataset.view));
  $("household-form").addEventListener("input", () => schedule());
  $("household-form").addEventListener("change", () => schedule());
  $("add-member").addEventListener("click", () => { memberRow({ relation: "child" }).querySelector("select").focus(); schedule(); });
  $("clear-form").addEventListener("click", () => {
    $("case-banner").hidden = true;
    state.included.clear();
    fillForm({ members: [{ relation: "self" }] });
  });
  $("print-button").addEventListener("click", printChecklist);
  $("queue-filter").addEventListener("change", loadQueue);
  $("screen-form").addEventListener("submit", runScreening);
  $("screen-csv").addEventListener("click", downloadScreening);
  for (const id of Object.values(HEADINGS)) $(id).tabIndex = -1;
  await loadPrograms();
  const who = await api("GET", "/officer/session");
  if (who.ok) showConsole(who.data);
  else showSignIn("");
}

start();
