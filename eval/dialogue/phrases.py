"""What residents call the programs and how they open a conversation, in ko, en, zh and vi."""

from __future__ import annotations

NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "livelihood_benefit": {
        "ko": ("생계급여", "기초생활수급 생계급여", "기초수급 생계비", "생계비 지원", "수급비", "생계 급여"),
        "en": (
            "the livelihood benefit",
            "livelihood allowance",
            "the basic livelihood benefit",
            "livelihood aid",
        ),
        "zh": ("生计补助", "生计给付", "基本生活保障金", "低保生活费"),
        "vi": ("trợ cấp sinh hoạt", "trợ cấp sinh kế", "tiền trợ cấp sinh hoạt cơ bản"),
    },
    "medical_benefit": {
        "ko": ("의료급여", "의료보호", "병원비 지원되는 의료급여", "의료급여 1종"),
        "en": ("medical aid", "the medical benefit", "the medical aid program"),
        "zh": ("医疗补助", "医疗给付", "医疗救助"),
        "vi": ("trợ cấp y tế", "hỗ trợ y tế", "chương trình trợ giúp y tế"),
    },
    "housing_benefit": {
        "ko": ("주거급여", "주거비 지원", "주거급여 월세 지원", "주거 급여"),
        "en": ("the housing benefit", "housing allowance", "rent help from the housing benefit"),
        "zh": ("住房补助", "住居给付", "房租补贴"),
        "vi": ("trợ cấp nhà ở", "hỗ trợ tiền nhà", "trợ cấp tiền thuê nhà"),
    },
    "education_benefit": {
        "ko": ("교육급여", "교육비 지원", "교육활동지원비", "애들 교육급여"),
        "en": (
            "the education benefit",
            "education allowance for my kids",
            "school support (education benefit)",
        ),
        "zh": ("教育补助", "教育给付", "孩子的教育补贴"),
        "vi": ("trợ cấp giáo dục", "hỗ trợ học phí cho con", "trợ cấp giáo dục cho con"),
    },
    "near_poverty": {
        "ko": ("차상위", "차상위계층", "차상위 확인서", "차상위 계층 확인"),
        "en": ("near-poverty status", "the near-poverty certificate", "chasangwi status"),
        "zh": ("次上位阶层", "次贫困层认定", "近贫困户认定"),
        "vi": ("hộ cận nghèo", "giấy xác nhận cận nghèo", "diện cận nghèo"),
    },
    "basic_pension": {
        "ko": ("기초연금", "기초 노령연금", "노령연금", "노인연금", "기초년금"),
        "en": ("the basic pension", "basic old-age pension", "the senior basic pension"),
        "zh": ("基础养老金", "基础年金", "老人基础年金"),
        "vi": ("lương hưu cơ bản", "trợ cấp người già", "lương hưu cơ bản cho người cao tuổi"),
    },
    "disability_pension": {
        "ko": ("장애인연금", "장애 연금", "중증장애인 연금"),
        "en": ("the disability pension", "disability pension for severe disabilities"),
        "zh": ("残疾人年金", "残疾养老金"),
        "vi": ("lương hưu người khuyết tật", "trợ cấp hưu cho người khuyết tật nặng"),
    },
    "disability_allowance": {
        "ko": ("장애수당", "장애인 수당", "경증 장애수당"),
        "en": ("the disability allowance", "disability allowance for mild disabilities"),
        "zh": ("残疾津贴", "残疾补贴"),
        "vi": ("trợ cấp khuyết tật", "phụ cấp người khuyết tật"),
    },
    "child_allowance": {
        "ko": ("아동수당", "아동 수당", "애기 수당", "애들 수당"),
        "en": ("the child allowance", "child benefit", "the monthly child allowance"),
        "zh": ("儿童补贴", "儿童津贴", "儿童手当"),
        "vi": ("trợ cấp trẻ em", "tiền trợ cấp nuôi con", "trợ cấp nhi đồng"),
    },
    "parent_benefit": {
        "ko": ("부모급여", "부모 급여", "영아수당", "애기 키우면 주는 부모급여"),
        "en": ("the parent benefit", "parental benefit for babies", "the parents' allowance"),
        "zh": ("父母补贴", "父母给付", "育儿父母津贴"),
        "vi": ("trợ cấp cha mẹ", "tiền trợ cấp cho bố mẹ có con nhỏ"),
    },
    "first_meeting_voucher": {
        "ko": ("첫만남이용권", "첫만남 바우처", "첫 만남 이용권", "출산 바우처 첫만남"),
        "en": ("the first meeting voucher", "First Meeting voucher", "the newborn first-meeting voucher"),
        "zh": ("初次见面券", "首次见面消费券", "出生初次见面券"),
        "vi": ("phiếu gặp mặt đầu tiên", "voucher chào đời", "phiếu hỗ trợ sinh con"),
    },
    "emergency_welfare": {
        "ko": ("긴급복지", "긴급복지지원", "긴급생계지원", "긴급 생계비"),
        "en": ("emergency welfare support", "emergency living support", "emergency aid"),
        "zh": ("紧急福利支援", "紧急生活援助", "紧急救助金"),
        "vi": ("hỗ trợ phúc lợi khẩn cấp", "trợ cấp khẩn cấp", "hỗ trợ sinh hoạt khẩn cấp"),
    },
    "single_parent_child_support": {
        "ko": ("한부모 양육비", "한부모가족 아동양육비", "아동양육비", "한부모 지원금"),
        "en": (
            "single-parent child support",
            "the child-rearing allowance for single parents",
            "single parent allowance",
        ),
        "zh": ("单亲家庭子女抚养费", "单亲育儿补贴", "单亲家庭补助"),
        "vi": ("trợ cấp nuôi con cho gia đình đơn thân", "hỗ trợ mẹ đơn thân", "tiền nuôi con đơn thân"),
    },
    "youth_monthly_rent": {
        "ko": ("청년월세", "청년 월세 지원", "청년월세 특별지원", "청년 월세 20만원"),
        "en": ("youth monthly rent support", "the youth rent subsidy", "rent support for young people"),
        "zh": ("青年月租补贴", "青年房租支援", "青年月租支援"),
        "vi": ("hỗ trợ tiền thuê nhà cho thanh niên", "trợ cấp tiền nhà thanh niên"),
    },
    "senior_customized_care": {
        "ko": ("노인맞춤돌봄", "노인맞춤돌봄서비스", "독거노인 돌봄 서비스", "어르신 맞춤 돌봄"),
        "en": ("the customized care service for seniors", "elderly care service", "senior customized care"),
        "zh": ("老人定制照护服务", "老年人照护服务", "老人定制照顾"),
        "vi": ("dịch vụ chăm sóc người cao tuổi", "chăm sóc tùy chỉnh cho người già"),
    },
    "energy_voucher": {
        "ko": ("에너지바우처", "에너지 바우처", "난방비 바우처", "에너지 바우쳐"),
        "en": ("the energy voucher", "heating energy voucher", "energy bill voucher"),
        "zh": ("能源券", "能源补贴券", "能源代金券"),
        "vi": ("phiếu năng lượng", "voucher năng lượng", "phiếu hỗ trợ năng lượng"),
    },
    "national_employment_support": {
        "ko": ("국민취업지원제도", "국취제", "구직촉진수당", "국민취업지원"),
        "en": (
            "the national employment support program",
            "job-seeking allowance",
            "Kukchwije job seeker support",
        ),
        "zh": ("国民就业支援制度", "求职促进津贴", "国民就业支援"),
        "vi": ("chương trình hỗ trợ việc làm quốc gia", "trợ cấp tìm việc", "trợ cấp xúc tiến tìm việc"),
    },
    "gyeonggi_youth_basic_income": {
        "ko": ("경기도 청년기본소득", "청년기본소득", "경기 청년 기본소득", "경기도 청년 기본소득 25만원"),
        "en": ("Gyeonggi youth basic income", "the youth basic income", "Gyeonggi-do youth basic income"),
        "zh": ("京畿道青年基本收入", "青年基本收入", "京畿青年基本收入"),
        "vi": ("thu nhập cơ bản thanh niên Gyeonggi", "tiền thu nhập cơ bản cho thanh niên"),
    },
    "siheung_birth_support": {
        "ko": ("시흥시 출생축하금", "시흥 출산지원금", "시흥시 산후조리비", "시흥 출생축하금"),
        "en": (
            "Siheung birth congratulation money",
            "the Siheung city birth grant",
            "Siheung postnatal care support",
        ),
        "zh": ("始兴市出生祝贺金", "始兴市产后调理费", "始兴出生补贴"),
        "vi": (
            "tiền mừng sinh con của Siheung",
            "hỗ trợ sinh con thành phố Siheung",
            "tiền chăm sóc sau sinh Siheung",
        ),
    },
}
"""Official and colloquial names (the first is the most official)."""

ASK_ONE: dict[str, tuple[str, ...]] = {
    "ko": (
        "{X} 받을 수 있나요?", "{X} 신청하면 받을 수 있을까요?", "저도 {X} 돼요?", "{X} 대상인지 알고 싶어요",
        "{X} 해당되는지 좀 봐주세요", "{X} 받을 수 있는지 궁금합니다", "{X} 자격 되나요?", "{X} 나오나요?",
        "{X} 받으려면 어떻게 해야 돼요? 저 받을 수 있어요?", "{X} 저도 타먹을 수 있어요?",
    ),
    "en": (
        "Can I get {X}?", "Am I eligible for {X}?", "Do I qualify for {X}?", "Could you check if I can receive {X}?",
        "Is it possible for me to get {X}?", "I want to know if I can get {X}.", "{X} - can I get it?",
    ),
    "zh": (
        "我能领{X}吗？", "我可以申请{X}吗？", "请帮我看看我符不符合{X}的条件", "{X}我能拿到吗？",
        "我有资格领{X}吗？", "想问一下我能不能申请{X}",
    ),
    "vi": (
        "Tôi có được nhận {X} không?", "Tôi có đủ điều kiện nhận {X} không?", "Cho tôi hỏi tôi có thể xin {X} không?",
        "Tôi muốn biết mình có được {X} không", "Tôi có thể đăng ký {X} được không ạ?", "Xem giúp tôi có được nhận {X} không",
    ),
}  # fmt: skip
"""Eligibility questions naming one program ({X})."""

ASK_TWO: dict[str, tuple[str, ...]] = {
    "ko": ("{X}{랑} {Y} 둘 다 받을 수 있나요?", "{X}하고 {Y} 대상인지 봐주세요", "{X}, {Y} 받을 수 있어요?", "{X}{랑} {Y} 신청 가능한가요?"),
    "en": ("Can I get {X} and {Y}?", "Am I eligible for {X} or {Y}?", "Could you check {X} and {Y} for me?"),
    "zh": ("我能领{X}和{Y}吗？", "{X}和{Y}我都能申请吗？", "帮我看看{X}、{Y}符不符合"),
    "vi": ("Tôi có được nhận {X} và {Y} không?", "Xem giúp tôi {X} với {Y} có được không", "Tôi có đủ điều kiện nhận {X} hay {Y} không?"),
}  # fmt: skip

DISCOVER: dict[str, tuple[str, ...]] = {
    "ko": (
        "제가 받을 수 있는 복지 혜택이 뭐가 있을까요?", "저 같은 사람도 받을 수 있는 지원 있어요?",
        "받을 수 있는 거 다 알려주세요", "나라에서 주는 지원금 중에 제가 받을 수 있는 게 있나요?",
        "어떤 복지 받을 수 있는지 궁금해요", "뭐 받을 수 있는 거 없나요?",
    ),
    "en": (
        "What benefits can I get?", "Are there any support programs I could receive?", "What welfare am I eligible for?",
        "Which benefits could I apply for?", "Is there any government support for someone like me?",
    ),
    "zh": ("我能申请哪些福利？", "有什么补助是我可以领的吗？", "像我这种情况能拿到什么补贴？", "我可以享受哪些福利待遇？"),
    "vi": (
        "Tôi có thể nhận được những trợ cấp nào?", "Có chương trình hỗ trợ nào cho tôi không?",
        "Tôi đủ điều kiện nhận phúc lợi gì?", "Người như tôi có được hỗ trợ gì không ạ?",
    ),
}  # fmt: skip

DONT_KNOW: dict[str, tuple[str, ...]] = {
    "ko": ("잘 모르겠어요", "잘 모르겠는데요", "그건 잘 모르겠어요"),
    "en": ("I'm not sure", "I don't really know", "Not sure, sorry"),
    "zh": ("不太清楚", "我不太清楚", "这个我不清楚"),
    "vi": ("Tôi không rõ", "Tôi không rõ lắm", "Cái này tôi không rõ"),
}
PLAIN_DONT_KNOW = {"ko": "모르겠어요", "en": "I don't know", "zh": "不知道", "vi": "không biết"}
"""The blind runner's reply to a question its script has no answer for."""

REFUSE: dict[str, tuple[str, ...]] = {
    "ko": ("{T} 말하기 싫어요", "{T} 좀 말씀드리기 그래요", "그건 말 안 할래요", "{T} 밝히고 싶지 않아요"),
    "en": ("I'd rather not say", "I don't want to tell you my {T}", "I prefer not to answer that"),
    "zh": ("这个我不想说", "{T}我不想透露", "不方便说"),
    "vi": ("Tôi không muốn nói", "Cái đó tôi không muốn nói", "{T} thì tôi không muốn nói"),
}
TOPICS: dict[str, dict[str, str]] = {
    "income": {"ko": "소득은", "en": "income", "zh": "收入", "vi": "Thu nhập"},
    "assets": {"ko": "재산은", "en": "assets", "zh": "财产", "vi": "Tài sản"},
    "support_obligor": {
        "ko": "가족 얘기는",
        "en": "family's finances",
        "zh": "家里人的情况",
        "vi": "Chuyện gia đình",
    },
    "receiving": {"ko": "받는 건", "en": "benefits", "zh": "领什么", "vi": "Trợ cấp"},
    "disability": {"ko": "장애 얘기는", "en": "disability", "zh": "残疾情况", "vi": "Khuyết tật"},
    "housing": {"ko": "집 얘기는", "en": "housing", "zh": "住房", "vi": "Nhà ở"},
    "age": {"ko": "나이는", "en": "age", "zh": "年龄", "vi": "Tuổi"},
}
CORRECT: dict[str, tuple[str, ...]] = {
    "ko": ("아 아니다, ", "아 잠깐만요, 잘못 말했어요. ", "아니 정정할게요, ", "죄송해요 아까 틀렸어요, "),
    "en": ("Sorry, I made a mistake: ", "Wait, correction: ", "Actually no, "),
    "zh": ("不对，我说错了，", "更正一下，", "啊不是，"),
    "vi": ("À không, tôi nói nhầm, ", "Xin lỗi, sửa lại: ", "Không phải, "),
}
FILLERS: dict[str, tuple[str, ...]] = {
    "ko": ("아 네, ", "음... ", "네네 ", "아~ ", "그게요, "),
    "en": ("Well, ", "Um, ", "Okay so ", "Hmm, "),
    "zh": ("嗯，", "那个，", "是这样的，"),
    "vi": ("Dạ, ", "À, ", "Vâng, "),
}
