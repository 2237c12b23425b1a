"""Words of danger or despair: the classifier's crisis guess is trusted only on a message that has one.

The crisis rules (`intent.crisis_signals`) name specific dangers. The trained model also catches indirect ones
("요즘 너무 지쳐서 아무것도 하기 싫어요"), but on its own it reads plain facts about hard lives as crises
("남편이랑 셋이 살아요", "실직해서 요즘 수입이 없어요", "Tôi sống một mình"). A fact is not a danger: without a
word of harm, fear, hunger, homelessness, disappearance or despair the model's guess is not enough.
The list is broad on purpose (recall first); it only gates the model, never raises a crisis by itself.
"""

from __future__ import annotations

import re
import unicodedata

from tools.vietnamese import fold_latin

_CUES = (
    # Korean
    r"죽|자살|목숨|살기\s?싫|살고\s?싶지|못\s?살겠|못\s?버티|버틸\s?수|견딜\s?수|끝내|끝낼|(?<!계약)(?<!계약 )(?<!계약이)(?<!계약이 )끝났|끝이|그만\s?(?:두|살)|사라지|없어지|포기"
    r"|힘들|지쳤|지쳐|괴로|절망|희망이?\s?없|의미\s?없|소용\s?없|아무것도\s?(?:하기|못(?!\s?받)|없)|무서|두려|겁나|위험|위협|협박"
    r"|때리|때려|맞았|맞아서|맞고|폭력|폭행|학대|멍|칼|흉기|다쳤|다치|피가|피나"
    r"|굶|배고|밥을?\s?못|못\s?먹|먹을\s?(?:게|것)|끼니|먹을\s?거|쌀이?\s?떨어|먹지\s?못"
    r"|쫓겨|쫓아|나가래|나가라|길에서|노숙|잘\s?곳|갈\s?곳|잘\s?데|갈\s?데|차에서\s?자|찜질방"
    r"|없어졌|사라졌|실종|안\s?들어|연락이?\s?안|못\s?찾|쓰러(?!지거나|지셨다가|졌다가|졌었|진\s?(?:후|뒤|적)|지신\s?(?:후|뒤)|지면|지시면|질\s?(?:때|경우)|지실\s?(?:때|경우))|의식|숨을?|응급|구급차|119(?!\s?(?:에|로)?\s?(?:자동|연락\s?가|연결되|신고되))|112"
    r"|추워|얼어|떨고|약을?\s?(?:모아|먹|많이)|번개탄|옥상|한강|다리\s?위|유서|정리하|정리할|누구\s?(?:주|줘|줄)|미안하다고|고마웠|부탁(?:해|드려)|안녕히"
    r"|도와\s?주세요|살려|급해|큰일|미치겠|돌아버|울고|눈물|안\s?왔으면|깨지\s?않|눈을?\s?안\s?뜨|편해지|내려놓|떠나|가만\s?안\s?둔"
    r"|갇혀|가둬|뺏|길에\s?나와|밖에\s?나와|전화를?\s?(?:계속\s?)?안\s?받|어지럽|정신이?\s?(?:흐려|없)|말을?\s?못|움직이지\s?못|마비|짐이\s?되"
    r"|술\s?(?:먹|마시)(?:으|고)?면|소리\s?지르|부수|던지|감금|안\s?돌아|돌아오지|들어오지|열쇠|적어\s?놨|전해\s?주"
    # English
    r"|\bdie\b|\bdying\b|dead|\bkill|suicid|end (?:it|my life|everything)|no point|hopeless|give up|can'?t (?:go on|take|cope|do this)"
    r"|tired of (?:living|everything|life)|worthless|goodbye|sorry for everything|take care of (?:my|the) (?:kids|children)"
    r"|\bhit|\bbeat|\bhurt|abus|violen|scared|afraid|threat|knife|bruise|bleed|blood"
    r"|starv|hungry|nothing to eat|no food|haven'?t eaten|can'?t (?:afford|buy) food|\bmeals?\b"
    r"|homeless|evict|street|kick(?:ed|ing)? (?:me|us) out|nowhere|no place|sleep(?:ing)? in"
    r"|missing|disappear|wander|can'?t find|unconscious|collapsed|not breathing|emergency|ambulance|freez|help me|please help"
    r"|ending (?:it|my life)|\bpoint\b|giving (?:my|all my) (?:things|stuff)|burden|pills|\bsorry\b|not wake|won'?t wake|wake up"
    r"|scary|drinks|drunk|takes my (?:money|pension)|won'?t let me|locked|nothing (?:for|left)|changed the locks|outside with"
    r"|isn'?t back|hasn'?t (?:come|been) back|not back|breathing|can'?t (?:move|speak|talk)|paralys"
    # Chinese
    r"|死|自杀|活不|活着没|不想活|撑不|受不了|绝望|没意思|没希望|算了|累了|拜托|告别|对不起"
    r"|打我|打人|打孩子|家暴|虐待|怕|威胁|刀|伤|血"
    r"|饿|吃不上|没饭|没吃|没东西吃|没钱吃"
    r"|赶出|赶走|流浪|睡大街|没地方|无家"
    r"|走失|失踪|找不到|不见了|联系不上|晕倒|昏迷|呼吸|急救|救命|冷|攒|拖累|后事|不敢回家|收拾我|没回来|还没回|说不出话|动不了|喝醉|喝酒|关在"
    # Vietnamese (folded: no diacritics)
    r"|chet|tu tu|khong muon song|het muon|ket thuc|buong|tuyet vong|vo vong|khong con y nghia|met moi qua|chiu het noi|khong chiu noi"
    r"|danh|bao hanh|nguoc dai|so hai|rat so\b|toi so\b|em so\b|de doa|dao|mau|bam tim"
    # hunger: "đói" folds to "doi", as "đòi" (claim), "đổi" (change) and "đợi" (wait) do: only in its phrases
    r"|(?:bi|dang|rat|qua|lam|rat la) doi\b|\bdoi (?:bung|qua|lam|meo|khat|ca ngay|tu|may|\d)|khong co gi an|chua an|nhin an"
    r"|het gao|khong con gao|het (?:do|thuc) an|khong con (?:do|gi) an"
    r"|duoi|khong co cho|ngu ngoai|vo gia cu"
    r"|mat tich|khong tim thay|khong lien lac|bat tinh|ngat|khong tho|cap cuu|cuu|lanh|nho (?:cac )?anh chi|xin loi"
    r"|di luon|cho xong|khong con o day|dap do|doa|chua ve|khong ve|met qua|say ruou|nhot|khoa cua"
)
_CUE = re.compile(_CUES, re.IGNORECASE)


#: Planning for after one's death, not despair: "내가 죽으면 애가 걱정돼서", "when I die, who will look after him".
_PLANNING = re.compile(
    r"(?:내가|제가)\s?(?:죽으면|죽고\s?나면|없으면)\s?(?:나중에\s?)?.{0,12}(?:걱정|누가\s?돌봐|후견)"
    r"|\b(?:when|after) i(?:'m| am)? (?:die|dead|gone)\b.{0,30}\b(?:who will|look after|take care)",
    re.IGNORECASE,
)


#: Figures of speech for worry, not danger: "카드값 생각하면 숨이 턱 막혀요" (not trouble breathing).
_IDIOMS = re.compile(
    r"숨이\s?(?:턱\s?|꽉\s?|콱\s?)막히|생각하면\s?숨이\s?막히|숨\s?막히는\s?(?:것\s?)?같"
    # an injury from an accident, told as the cause of a need ("낙상사고로 척수를 다치셔서 … 휠체어"), not harm
    r"|(?:사고|낙상|넘어지|넘어져|미끄러|떨어지|떨어져|산재|공사).{0,12}다치|"
    r"(?:injured|hurt) in (?:an?|the) (?:accident|fall|crash)|(?:车祸|事故|摔倒|工伤).{0,6}(?:受伤|伤)"
    r"|(?:tai nạn|tai nan|té ngã|te nga).{0,12}(?:bị thương|bi thuong)"
    # quitting a job or a school, not life ("회사 그만두고 쉬고 있어요")
    r"|(?:회사|직장|일|알바|학교|가게|장사|공장)(?:을|를|도|은|는)?\s?그만\s?(?:두|뒀|둔|둬)"
    # the name of a program, not a danger: "emergency money", "긴급지원"
    r"|emergency (?:money|help|support|aid|relief|funds?|welfare|livelihood|financial|cash|assistance)|긴급\s?(?:지원|복지|생계)",
    re.IGNORECASE,
)


#: Words of danger whose marks tell them apart from common words once folded ("đói" hungry, not "đòi" claim).
_MARKED_CUE = re.compile(r"đói", re.IGNORECASE)


def has_danger_word(text: str) -> bool:
    """True when the message has a word of harm, fear, hunger, homelessness, disappearance or despair."""
    normal = unicodedata.normalize("NFKC", text)
    folded = fold_latin(normal)
    return bool(_MARKED_CUE.search(normal) or _CUE.search(_IDIOMS.sub(" ", _PLANNING.sub(" ", folded))))
