"""What a message asks: whether she can get something, how or where, what a program or a topic is, or for a
person to talk to. Patterns over the four languages, and small predicates over them; the turn's decision
(`graphs.dialogue.turn`) combines them."""

from __future__ import annotations

import re

from graphs.answers.compose import outside_topic
from graphs.answers.focus import asks_a_rule, aspect, bigrams, korean_terms
from graphs.nlu import Understanding
from graphs.nlu.programs import compact, detect_programs, find_mentions
from tools.retrieval.crosslingual import names_a_kind_of_help
from tools.vietnamese import with_unmarked

#: "신청 가능한가요?", "can I apply?", "có thể đăng ký được không?": whether she can get it, not how to apply.
CAN_I = re.compile(
    r"가능(?:한가요|할까요|해요|하나요|한지|할지|한가\s?[?？]|한가\s*$|함\s?[?？])|될까요|되나요|돼요\?|돼\?|되는지|할\s?수\s?있|받을\s?수|자격|해당(?:되|하)|대상(?:인가|이에|이야|이나|일까|인지)"
    r"|되(?:겠나|겠능가|겠습니까|겠어요|겠냐|냐|나\?|나\s*$|나\s?(?:좀\s?)?(?:봐|알아|확인|체크)|남|노|는감|는겨|는가|겄|능교|나예)|될랑가|될까|됩니[꺼까]|될까예"
    r"|받고\s?싶|신청하고\s?싶|신청하면\s?(?:나오|받|되|돼)|되나\s?(?:궁금|싶|해서|물어)"
    r"|\bcan i (?:apply|get|receive)|\b(?:is it|would it be) possible (?:for (?:me|us) )?to (?:apply|get|receive)|\bcan (?:we|my \w+ and i|my \w+ and me) (?:apply|get|receive)|\bam i eligible|\beligible\b|\bqualify|\bi (?:want|would like) to (?:get|receive|apply)"
    r"|\b(?:still |even )?possible (?:at|for me|for us|if|when)\b|\bdoes\b.{0,60}\b(?:still )?apply\b(?! for)|\bcheck (?:if|whether) (?:i|we)\b|\bcheck\b.{0,100}\bfor (?:me|us)\b"
    r"|\b(?:see|find out) (?:if|whether) (?:i|we) (?:can|could|qualify|get)\b"
    r"|được không|duoc khong|đủ điều kiện|du dieu kien|có thể (?:đăng ký|xin|nhận)|co the (?:dang ky|xin|nhan)"
    r"|能.{0,6}吗|可以.{0,8}吗|符不符合|有资格|能不能|可不可以",
    re.IGNORECASE,
)


_SENTENCE = re.compile(r"[^?.!。？！]+[?.!。？！]*")


def asks_can_i(text: str) -> bool:
    """Whether a sentence of the message asks whether she can get it and not how ("받으려면 어떻게 해야
    돼요? 저 받을 수 있어요?" asks both; "어떻게 하면 받을 수 있어요?" asks only how)."""
    return any(CAN_I.search(s) and not HOW.search(s) for s in _SENTENCE.findall(text))


#: How, where, with which documents: an application question even when it also asks "can I".
#: "둘째도 주나요?", "나와요?": whether it is given — hers when she says her situation, else about the program.
GIVEN = re.compile(r"주나요|줘요\?|나와요\?|나오나요", re.IGNORECASE)


HOW = re.compile(
    r"어디|어떻게|서류|뭐\s?(?:가|를)?\s?필요|준비물|늦(?:은|었|지|나|어)|마감|기한|챙겨|가져\s?(?:가|와|갈|올)|지참|언제|where|\bhow\b|document|\bwhen\b(?!\s(?:he|she|i|they|we|my|our)\b)|哪里|怎么|材料|什么时候|ở đâu|o dau|như thế nào|giấy tờ|giay to|khi nào",
    re.IGNORECASE,
)


#: "What can I get?" with no topic: the one question that starts with the short profile.
WHAT_CAN_I = re.compile(
    r"(?:뭐|(?<![할아])머|무엇|뭘|어떤\s?(?:것|거|게|지원|혜택|복지|제도)|(?<!둘)(?<!둘\s)(?<!셋)(?<!셋\s)다)\s?(?:을|를)?\s?(?:받을|받을수|받|신청할|해당)|받을\s?수\s?있는\s?(?:거|것|게|기|지원|혜택|복지)"
    # "나같은 사람 지원해주는거 뭐 있음?", "받을만한거 머 있노"
    r"|(?:나|저|우리)\s?같은\s?(?:사람|사람들|집|노인|어르신)|(?:지원해\s?주는|지원되는|받을\s?만한)\s?(?:거|것|게|기)\s?(?:뭐|머)"
    r"|해당(?:되는|하는)\s?(?:거|것|게)|what (?:can|could) i (?:get|receive|apply)|is there anything (?:for|i|we)\b|what (?:\w+ ){0,3}(?:benefits|support|help|welfare|assistance)|anything (?:i|we) can get"
    r"|which (?:\w+ )?(?:benefits|support|programs|help)|(?:support|help|benefits?) for (?:someone|people) like (?:me|us)"
    r"|(?:benefits|support|programs?|help|assistance)(?: programs?)? (?:that )?(?:i|we|my family) (?:can|could|might) (?:get|receive|apply)"
    r"|anything (?:i|we) (?:could|might) (?:get|receive)"
    r"|(?:is|are) there any (?:help|support|benefits?|assistance|programs?) (?:for (?:me|us|my family)|(?:i|we) can get)"
    r"|(?:nhận|hưởng|xin) được (?:những |các )?(?:gì|trợ cấp (?:gì|nào)|hỗ trợ (?:gì|nào)|chế độ (?:gì|nào))"
    r"|(?:能|可以|能够)(?:领|拿|申请|享受)(?:到)?(?:点|些|一点)?(?:什么|哪些)|有(?:什么|哪些)(?:补助|福利|补贴|支援|待遇)|可以享受哪些"
    r"|(?:được|có thể|điều kiện) (?:nhận|hưởng|xin)(?: được)? (?:những |các )?"
    r"(?:gì|trợ cấp (?:gì|nào)|hỗ trợ (?:gì|nào)|chế độ (?:gì|nào)|phúc lợi (?:gì|nào))|hỗ trợ gì|phúc lợi gì"
    r"|(?:chương trình|chế độ|khoản)(?: hỗ trợ| trợ cấp| phúc lợi)? nào (?:cho|dành cho|mà) (?:tôi|mình|em|chúng tôi|gia đình)"
    # "nhà tôi còn được trợ cấp gì nữa không?": what else the household can get
    r"|được (?:thêm )?(?:những |các )?(?:trợ cấp|hỗ trợ|chế độ|phúc lợi|tiền) (?:gì|nào)|(?:trợ cấp|hỗ trợ|chế độ|phúc lợi) gì nữa"
    # "Con gi khac em co the nhan khong?", "what else can we get", "还有什么别的能领": what else besides hers
    r"|còn (?:cái |những )?gì (?:khác|nữa)\b[^?.!]{0,20}(?:nhận|hưởng|được|xin)|what else (?:can|could) (?:i|we) (?:get|receive|apply)"
    r"|还有(?:什么|哪些)(?:别的|其他)?(?:能|可以)(?:领|拿|申请|享受)|또\s?(?:뭐|머)\s?(?:받을|받|신청할)|(?:다른\s?거|딴\s?거)\s?(?:뭐|머)?\s?(?:받을|더\s?받)",
    re.IGNORECASE,
)


WHAT_CAN_I = with_unmarked(WHAT_CAN_I)


#: A statement of wanting to apply or to know, not a question: "신청하고 싶어요", "I want to apply", "想申请".
WANTS = re.compile(
    r"(?:신청|알아보|받|물어보|상담받)(?:하)?고\s?싶(?:어|습|은데|네)|신청하려(?:고|구)|신청할게|\b(?:i )?(?:want|would like|'d like) to apply\b"
    r"|想申请|我要申请|muốn đăng ký|muon dang ky",
    re.I,
)


#: "일흔하나", "애가 하나": the number one, not the spoken question ending "하나"
_ONE = "".join(
    f"(?<!{w}하)"
    for w in ("열", "물", "른", "흔", "쉰", "순", "든", "가 ", "이 ", "도 ", "딸 ", "들 ", "애 ", "식 ")
)
_ONE_WORD = _ONE.replace("하)", ")")
ASKS = re.compile(rf"\?|？|[까죠]요?\s*$|{_ONE}나요?\s*$|吗|không\s*$|khong\s*$", re.IGNORECASE)
"""A message that ends as a question (a mark, a question ending)."""


#: Words for a person to talk to: a request for one is a handoff, whatever else the message asks.
_PERSON = re.compile(
    r"사람|상담원|상담사|담당자|직원|공무원|person|human|agent|(?:talk|speak) to someone|someone (?:to|who|can)\b|officer"
    r"|人工|真人|客服|工作人员|nhân viên|người thật|cán bộ",
    re.IGNORECASE,
)


#: Asking to be put through to a person, not only naming one ("상담원 연결해 주세요", "talk to someone").
ASKS_FOR_PERSON = re.compile(
    r"연결|바꿔|통화|얘기\s?하고\s?싶|이야기\s?하고\s?싶|상담\s?받고\s?싶|talk to|speak (?:to|with)|connect me|转人工|接人工|找人工|nói chuyện với|gặp nhân viên",
    re.IGNORECASE,
)


_GREETING = re.compile(
    r"안녕|반가|고마|감사|수고|hello|\bhi\b|\bhey\b|thank|你好|谢谢|再见|xin chào|chào|cảm ơn|cam on|tạm biệt",
    re.I,
)


#: A rule asked as a condition: "장기요양 등급 받으면 노인맞춤돌봄도 같이 받을 수 있어요?", "if I get the disability
#: pension, can I also get …", "如果领了基础年金，还能领…吗", "nếu nhận … thì có được nhận thêm … không" — whether two
#: benefits go together, which the rules answer whoever asks.
IF_ALSO = re.compile(
    r"[가-힣](?:으)?면\s.{0,30}?(?:도|같이|함께|동시에|중복으로|따로)\s?.{0,10}?(?:받을\s?수|받을수|되나|돼요|되요|가능|나와|나오)"
    r"|\bif\b.{0,60}\b(?:also|too|as well|both|at the same time)\b"
    r"|(?:如果|要是).{0,30}(?:还能|也能|同时|一起)"
    r"|\bnếu\b.{0,50}(?:cũng|đồng thời|cùng lúc|thêm)",
    re.IGNORECASE,
)


#: A need told as a situation, or a question of what to do: "애 맡길 데가 없어요", "봐드릴 사람이 없어요",
#: "뭐부터 해야 되나요", "what should I do?", "我该怎么办", "tôi nên làm gì".
NEEDS_HELP = re.compile(
    r"(?:맡길|봐\s?(?:줄|드릴)|돌봐\s?(?:줄|드릴)|도와\s?(?:줄|드릴)|챙겨\s?(?:줄|드릴)|모실)\s?(?:데|곳|사람|분)(?:가|이|도)?\s?없"
    r"|뭐부터\s?해야|어떻게\s?해야\s?(?:하|되|돼|할)|어디에?\s?(?:연락|신고)해야"
    # a place to spend the day: "낮에 다닐만한데", "보낼 곳", "somewhere for him to go during the day"
    r"|(?:다닐|갈|보낼|지낼|머물)\s?(?:만한|수\s?있는)?\s?(?:데|곳)|somewhere (?:for (?:him|her|them) )?to go|(?:去|待)的地方|nơi (?:để )?(?:đi|ở) ban ngày"
    # a worry for someone alone: "밤에 쓰러지시면 아무도 모를까봐 걱정돼요"
    r"|아무도\s?모를|(?:쓰러지|넘어지|쓰러져|넘어져)\S{0,4}\s?(?:도|면|까\s?봐)[^.?!]{0,20}(?:걱정|모를|어떡|어쩌)"
    r"|(?:fall|collapse)s? .{0,30}no ?one (?:would|will) know|没人知道|không ai biết"
    r"|(?:월급|임금|퇴직금|급여|일당)[^.?!]{0,14}(?:못\s?받|안\s?줘|안\s?주|떼였|밀렸)"
    r"|\bwhat (?:should|do|can) (?:i|we) do\b|\bwho (?:should|do|can) (?:i|we) (?:call|contact)\b"
    r"|(?:我|我们)?(?:该|应该)怎么办|找谁|tôi (?:nên|phải) làm (?:gì|sao)|(?:nên|phải) gọi ai",
    re.IGNORECASE,
)


def asks_something(text: str) -> bool:
    """Whether a message the classifier took as small talk asks a question about something (not a greeting)."""
    return bool(ASKS.search(text)) and not _GREETING.search(text) and len(bigrams(text)) >= 3


_RECEIVES = re.compile(
    r"받고\s?(?:계신|있는|있)(?:데|는데|어요|어)?|받는\s?(?:중|데)|받으시는데|receiving|领着|đang nhận"
)


def asks_about_received(text: str) -> list[str]:
    """The programs she (or her family) receives that a question is about ("형이 장애인연금 받고 있는데 65세
    되면 계속 나오는 거예요?"): the question is answered about them, not turned into "what can I get?"."""
    asked, receiving = detect_programs(text)
    if asked or not receiving or WHAT_CAN_I.search(text) or korean_terms(text):
        return []  # "我们是次上位家庭，尿布奶粉补贴…": the help named beside it is what she asks about
    return receiving if asks_question(text) and asks_a_rule(_RECEIVES.sub(" ", text)) else []


def asks_own_amount(u: Understanding, text: str) -> list[str]:
    """The programs she receives whose amount she asks for her own household, with what decides it told
    ("我们家4口人，在领생계급여。如果소득인정액是100万，每个月能拿多少？"): her check of them gives the figure."""
    asked, receiving = detect_programs(text)
    facts = u.facts
    told = facts.get("income_recognition_krw") is not None or bool(facts.get("income"))
    sized = len(facts.get("members") or []) > 1 or facts.get("household_size") is not None
    if asked or not receiving or aspect(text) != "how_much" or not (told and sized):
        return []
    return receiving


def asks_about_service(text: str) -> bool:
    """Whether a message the classifier took as a request for a person asks about a service instead ("치매안심센터는
    뭐하는 데예요? 상담만 해주는 거?", "Where can I take free Korean classes?"): answered, not handed off."""
    if _COUNSELLING.search(text) and asks_question(text):
        return True  # "Is there free mental health counselling I can use?": a service, not our officer
    return aspect(text) in ("what", "who", "how_much", "where") and not _PERSON.search(text)


#: A kind of counselling asked for by name: a service of its own, not the welfare officer.
_COUNSELLING = re.compile(
    r"(?:mental health|psycholog|심리|정신\s?건강|우울|법률|부부|가족|진로|중독|心理|精神|tâm lý|sức khỏe tâm thần)"
    r".{0,15}(?:상담|counsel|therap|咨询|辅导|tư vấn)|counsel+ing (?:service|cent(?:er|re))|상담\s?(?:센터|서비스|프로그램)",
    re.IGNORECASE,
)


#: Spoken question endings that carry no question mark ("보험되나", "어디 가야대", "그거 뭐임").
_ASKS_SPOKEN = re.compile(
    rf"(?:되나|있나|{_ONE_WORD}하나|되노|하노|있노|는겨|되는겨|뭐임|가야대|돼|되요|(?:어떻게|어케|뭘|뭐|어디\S{{0,2}}|어떡|언제|왜)\s?\S*?해요|{_ONE}나요|까|냐|니|야\s?(?:됨|함|되나|하나))\s*(?:$|[^가-힣])"
)


#: An English question written without a question mark ("what can i do", "where do I apply").
_ASKS_UNMARKED = re.compile(
    r"^(?:what|how|where|who|is there|are there|can i|do i)\b|\b(?:what|where|how) (?:are|is|can|do|should)\b"
    r"|\b(?:is|are) there (?:any|an?|some)\b|\b(?:who|what number|which number) (?:do|should|can) (?:i|we) call\b"
    # "이게 정확히 뭔지 모르겟어서요", "어떻게 하는지 궁금해요": a question said as not knowing
    r"|(?:뭔지|무엇인지|뭐하는\s?건지|무슨\s?뜻인지|어떻게\s?하는지|어디서\s?하는지|얼마인지|얼만지)\s?(?:잘\s?)?(?:모르|몰라|궁금|알고\s?싶)"
    # Vietnamese asking "which number", "where", "how", "how much" at its end: "… thì gọi số nào ạ"
    r"|(?:số nào|so nao|ở đâu|o dau|thế nào|the nao|làm sao|lam sao|bao nhiêu|bao nhieu)\s*(?:ạ|a|vậy|vay|nhỉ|nhi)?\s*[.!]*\s*$"
    # Vietnamese "có … không ạ," mid-message, also shortened ("ko", "k")
    r"|\bcó\b[^.?!]{1,80}?\b(?:không|khong|ko)\b\s*(?:ạ|a|vậy|vay)?\s*(?:[,.!]|$)",
    re.IGNORECASE,
)
#: A question written without a question mark ("what are my options", "그거 뭐예요"); "있어요" too, which may also
#: be a statement, so only beside words of seeking help (`graphs.dialogue.danger`).
UNMARKED_QUESTION = re.compile(
    _ASKS_UNMARKED.pattern + r"|뭐(?:예요|에요|야|임|지)\s*$|있(?:나|나요|어요|을까요)\s*$", re.IGNORECASE
)


def is_remark(text: str) -> bool:
    """Whether a message only remarks on her situation, asking nothing and asking for no help ("Bố không biết
    dùng điện thoại nên em hỏi giúp" while a question is open)."""
    return not (
        asks_question(text) or asks_something(text) or NEEDS_HELP.search(text) or _REQUEST.search(text)
    )


#: A request, not a remark: "주식 추천해 주세요", "please check", "请告诉我", "giúp em với".
_REQUEST = re.compile(
    r"주세요|줘요|줘\b|주십시오|주실래|달라|부탁|please|\bpls\b|tell me|请|帮我|帮忙|告诉我|giúp (?:em|tôi|mình|con)|làm ơn|cho (?:em|tôi|mình) (?:hỏi|biết|xem)",
    re.IGNORECASE,
)


def asks_question(text: str) -> bool:
    """Whether a message ends as a question: a mark, a question ending, a spoken one ("보험되나"), or an English
    question with no mark ("what can i do")."""
    return bool(ASKS.search(text) or _ASKS_SPOKEN.search(text) or _ASKS_UNMARKED.search(text))


#: A named kind of help that is not one of the 19 programs ("치매치료비 지원", "활동지원", "기차표 할인").
TOPIC_NOUN = re.compile(
    r"(?<![가-힣])(?!(?:정부|나라|국가|복지|무슨|어떤|받을|생활|그런|이런|저런)[가-힣]{0,1}(?:지원|혜택|서비스|제도))"
    r"[가-힣]{1,}(?:지원|비|수당|바우처|서비스|센터|할인|감면|등록|검사|검진|수술|교육|일자리|상담|돌봄|보험료|카드|임대|장려금|대출|저축계좌"
    r"|급여|연금|퇴직금|대지급금|시설|쉼터)"
    r"(?![가-힣]{2})"
)


#: Things residents ask help with by their own name, not as "…지원" ("틀니도 보험 되나", "보청기", "경로당").
AID_NOUN = re.compile(
    r"틀니|임플란트|보청기|안경|개안|백내장|인공관절|무릎\s?수술|치과|기저귀|분유|예방\s?접종|건강\s?검진|난임"
    r"|치매|장기\s?요양|요양원|요양\s?등급|경로당|복지관|휠체어|보장구|콜택시|주택연금|임대\s?주택"
    r"|(?:핸드폰|휴대폰|휴대전화|통신|전화|전기|가스|수도|인터넷|티비|tv)\s?(?:요금|비|세|료)"
    r"|입장료|관람료|박물관|미술관|고궁|기차\s?(?:요금|표)|지하철\s?(?:요금|무료|공짜)|ktx|srt"
    r"|장려금|저축계좌|극저신용|햇살론|출생\s?신고|와서\s?(?:도와|돌봐|봐\s?주)|돌봐\s?(?:주는|줄)|간병|방문\s?(?:요양|간호|돌봄)|활동\s?지원|가사\s?(?:도우미|지원)"
    r"|한국어\s?(?:교육|공부|수업|배우)|언어\s?(?:발달|치료)|방문\s?교육"
)


#: Right after a program's name, it is the condition of something else ("기초연금 받으면 핸드폰 요금 깎아준다매"),
#: matched on the compact text (`graphs.nlu.programs.compact`).
_AS_CONDITION = re.compile(
    r"(?:을|를|은|는|도)?(?:받으면|받으믄|받으문|받는사람|수급자(?:는|면|한테|도|라도|이면))"
)


def asks_beyond_program(text: str) -> bool:
    """Whether every program a message asks about is named only as the condition of another kind of help
    ("기초연금 받으면 핸드폰 요금도 깎아준다매 얼마나"): that help is the question, searched in the documents."""
    if not (AID_NOUN.search(text) or korean_terms(text)):
        return False
    norm = compact(text)
    asked = [m for m in find_mentions(text) if not m.receiving]
    return bool(asked) and all(_AS_CONDITION.match(norm, m.end) for m in asked)


def names_other_topic(message: str) -> bool:
    """Whether a question names a kind of help and none of the programs: a new topic, not the conversation's
    program ("치매안심센터는 뭐하는 데예요?" after a question about 노인맞춤돌봄)."""
    asked, _ = detect_programs(message)
    subject = _WHAT_IS_SUBJECT.match(message.strip())
    if subject and not detect_programs(subject.group(1))[0] and bigrams(subject.group(1)):
        return True  # "자활근로가 머여 수급자들 하는 일자리?": what 자활근로 is; 수급자 only says who does it
    return not asked and bool(TOPIC_NOUN.search(message) or AID_NOUN.search(message))


#: The subject of a what-is question at the start of a message: "자활근로가 머여", "희망저축계좌는 뭐예요".
_WHAT_IS_SUBJECT = re.compile(
    r"^([가-힣A-Za-z0-9·\s]{2,20}?)(?:이란|란|이라는\s?(?:게|건|거)|라는\s?(?:게|건|거)|이|가|은|는)\s?"
    r"(?:[뭐머](?:예요|에요|야|임|지|여|에여|가요)|무엇|뭔가요|뭔데)"
)


def asks_about_topic(text: str, personal: bool) -> bool:
    """Whether a message the classifier took as "what can I get?" asks about something instead ("틀니 지원
    어디서?", "아이돌봄서비스 누가 받을 수 있어요?", "임플란트도 보험되나"): answered from the documents.

    A message with her own facts stays a discovery unless it asks what, who, how much or where; "what can I
    get?" stays one unless it asks what something is or who gets it."""
    asked = aspect(text)
    # "실업급여", "틀니", "unemployment benefits"
    topic = bool(
        TOPIC_NOUN.search(text)
        or AID_NOUN.search(text)
        or korean_terms(text)
        or names_a_kind_of_help(text)
        or outside_topic(text)
    )
    if personal and asked in ("any", "where") and not topic:
        return False  # "혼자 사는 70살인데 받을 수 있는 지원 있나요?", "I'm 70, where can I get help?"
    if (
        WHAT_CAN_I.search(text)
        and asked not in ("who", "what")
        # what kind of help, said in her words or in the Korean terms of another language's ("hoc tieng Han")
        and not (
            outside_topic(text, status_too=False) or AID_NOUN.search(f"{text} {' '.join(korean_terms(text))}")
        )
    ):
        # "what can I get?" — unless she names what kind of help ("left the children's home", "분유값 기저귀값")
        return False
    return asked != "any" or asks_question(text)


_ABOUT_PROGRAM = re.compile(
    r"얼마|몇\s?(?:살|세|개월|년)|까지|언제|어디|방법|뭐(?:예요|에요|야|임|지|여)|(?<!할)머(?:여|야|임|에요|예요)|소급|현금"
    r"|how much|how old|how long|until|when|where|what is|多少|几岁|什么时候|哪里|是什么|bao nhiêu|khi nào|ở đâu|là gì",
    re.IGNORECASE,
)


def asks_about_program(u: Understanding, text: str) -> bool:
    """Whether a message naming a program asks how much, until when, where or what it is ("아동수당 얼마고 몇살까지
    나와요?", "에너지바우처 혼자사는데 얼마 나와"): the reply then starts with what the program is and gives,
    before any question about her."""
    return bool(u.programs) and bool(_ABOUT_PROGRAM.search(text))


#: Whether an amount is cut or stopped, asked of a program ("부부가 둘 다 받으면 깎여요?", "is it reduced?",
#: "会减少吗", "có bị giảm không"): a rule, answered as such in every language.
ASKS_IF_CUT = re.compile(
    r"(?:깎|깍|감액|줄어|끊기|끊겨)\S{0,4}\s?(?:요|나|나요|지|죠|는지|는거|여|어)?\s*[?？]|"
    r"\b(?:is|are|will|would|does|do) (?:it|they|that|the \w+|each|both|we|i|she|he) (?:\w+ )?(?:be )?(?:reduced|cut|lowered|stopped)\b"
    r"|(?:会|要)?(?:减少|减半|扣|被减|被扣|停发)\S{0,3}(?:吗|嘛)|(?:có )?bị (?:giảm|cắt|dừng)\S{0,10} không",
    re.IGNORECASE,
)
ASKS_IF_CUT = with_unmarked(ASKS_IF_CUT)  # "co bi dung khong", typed without marks


def cut_asked(text: str) -> bool:
    """Whether a message asks if a program's amount is cut or stopped, and not whether she can get it."""
    return bool(ASKS_IF_CUT.search(text)) and not CAN_I.search(text) and not asks_can_i(text)


#: Longest follow-up read as being about the last answer's program ("어디서 신청해요?", "서류는요?").
FOLLOW_UP_CHARS = 40


#: A person of the city asked for by name: an officer, staff, a human (not "someone to talk to").
STAFF = re.compile(
    r"담당자|직원|상담원|공무원|사람(?:이랑|하고|과)\s?(?:통화|연결)|officer|staff|\bhuman\b|real person|\bagent\b|人工|工作人员|nhân viên|cán bộ",
    re.IGNORECASE,
)


#: "X는 어떻게 돼요?", "X는요?", "what about X?", "còn X thì sao?", "X呢?": her case for another program, not how
#: it works.
WHAT_ABOUT = re.compile(
    r"(?:은|는|도|이나|나)\s?(?:어떻게|어케|어찌)\s?(?:돼|되|된|됨)(?:요|나요|는지|죠|냐|나)?\s*[?？]?\s*$|는요\s*[?？]\s*$"
    r"|\b(?:what|how) about\b|thì sao|thi sao|呢\s*[?？]?\s*$"
    # "차상위도 같이요", "노인맞춤돌봄도 같이 물어볼게요", "그것도요": that one too
    r"|(?:도|두)\s?같이\s?(?:요|유|봐|물어|알아|확인)|(?:그것|그거)도요",
    re.IGNORECASE,
)


def follows_up(text: str) -> bool:
    """Whether a question asks where, how, who, what or how much without naming a topic of its own: it is
    about the program of the last answer ("어디서 신청해요?", "where do we apply for it?", "cần giấy tờ gì?")."""
    asked, _ = detect_programs(text)
    named = (
        TOPIC_NOUN.search(text) or AID_NOUN.search(text) or korean_terms(text) or names_a_kind_of_help(text)
    )
    return len(text.strip()) <= FOLLOW_UP_CHARS and aspect(text) != "any" and not asked and not named


#: A program asked about beside an answer: "혼자 사는 노인 들여다봐주는 거 … 그것도 좀 알려주소", "also the
#: education benefit for my son", "còn tiền nuôi con đơn thân …".
ALSO_ASKED = re.compile(
    r"(?:그것|그거|그건|이것|이거|요것)(?:도|두)|(?:알려|봐|물어)\s?(?:주|줘|달)|\b(?:also|as well|and what about|what about)\b"
    r"|也(?:想|问|要)|还有|cũng (?:hỏi|muốn)|^\s*còn\b",
    re.IGNORECASE,
)
