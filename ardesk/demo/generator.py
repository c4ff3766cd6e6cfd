"""Deterministic, realistic demo data: a group of two companies and their customers.

Pure functions over a seeded random generator: the same seed and anchor date give the same
data on every machine. Later capabilities extend it with invoices and payments.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from ardesk.customers.domain import ORG_CHARSET, make_uscc

CITIES = [
    ("上海", "310115", "31"),
    ("北京", "110105", "11"),
    ("深圳", "440305", "44"),
    ("广州", "440106", "44"),
    ("杭州", "330106", "33"),
    ("苏州", "320505", "32"),
    ("南京", "320106", "32"),
    ("成都", "510107", "51"),
    ("武汉", "420106", "42"),
    ("天津", "120116", "12"),
    ("重庆", "500112", "50"),
    ("宁波", "330212", "33"),
    ("青岛", "370212", "37"),
    ("厦门", "350203", "35"),
    ("西安", "610113", "61"),
    ("长沙", "430104", "43"),
    ("郑州", "410105", "41"),
    ("合肥", "340104", "34"),
    ("无锡", "320214", "32"),
    ("佛山", "440604", "44"),
]
BRANDS = [
    "宏达",
    "恒信",
    "华鑫",
    "瑞丰",
    "金盛",
    "永泰",
    "鼎力",
    "博远",
    "天成",
    "中联",
    "新锐",
    "长城",
    "东方",
    "明辉",
    "星河",
    "嘉禾",
    "启航",
    "润泽",
    "国泰",
    "安邦",
    "汇通",
    "锦程",
    "正和",
    "凯旋",
    "德胜",
    "盛世",
    "晨光",
    "远洋",
    "海纳",
    "云帆",
    "立信",
    "宝丰",
    "振华",
    "同创",
    "兴业",
    "万通",
    "九州",
    "卓越",
    "信达",
    "和顺",
]
TRADES = [
    ("机械制造", "C"),
    ("电子科技", "C"),
    ("新材料", "C"),
    ("化工", "C"),
    ("建筑工程", "E"),
    ("商贸", "F"),
    ("物流", "G"),
    ("食品", "C"),
    ("医药", "C"),
    ("软件", "I"),
    ("汽车零部件", "C"),
    ("包装材料", "C"),
    ("建材", "F"),
    ("供应链管理", "L"),
    ("纺织", "C"),
    ("环保科技", "N"),
    ("餐饮管理", "H"),
    ("信息技术", "I"),
    ("能源", "D"),
    ("家居用品", "F"),
]
FOREIGN_FIRST = [
    "Pacific Rim",
    "Sunrise",
    "Northbridge",
    "Lakeside",
    "Kanto",
    "Harbor Lights",
    "Meridian",
    "Blue Delta",
    "Saigon",
    "Andes",
    "Maple Leaf",
    "Gulf Star",
    "Silver Fern",
    "Baltic",
]
FOREIGN_SECOND = [
    ("Trading Ltd.", "HK"),
    ("Components Pte. Ltd.", "SG"),
    ("Supply Inc.", "US"),
    ("Industrial GmbH", "DE"),
    ("Precision Co., Ltd.", "JP"),
    ("Imports LLC", "US"),
    ("Electronics Ltd.", "GB"),
    ("Distribution Pty Ltd", "AU"),
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = [
    "伟",
    "芳",
    "娜",
    "秀英",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀兰",
    "霞",
    "平",
    "刚",
    "桂英",
    "建华",
    "晓东",
    "海燕",
    "志强",
    "雪梅",
    "国庆",
    "丹",
]
COMPANIES = [
    {
        "code": "SH01",
        "name": "星辰实业（上海）有限公司",
        "functional_currency": "CNY",
        "uscc_parts": ("91", "310115", "MA1K4E7P"),
        "address": "上海市浦东新区张江路 88 号",
        "bank_name": "中国工商银行上海张江支行",
        "bank_account_number": "1001 2345 6789 0123 456",
    },
    {
        "code": "SZ01",
        "name": "星辰国际贸易（深圳）有限公司",
        "functional_currency": "CNY",
        "uscc_parts": ("91", "440300", "MA5G2R8T"),
        "address": "深圳市南山区科技园南区 16 栋",
        "bank_name": "招商银行深圳科技园支行",
        "bank_account_number": "7559 1234 5678 901",
    },
]
USERS = [
    # user name, role, e-mail
    ("accountant", "ar_accountant", "accountant@demo.ardesk.local"),
    ("analyst", "credit_analyst", "analyst@demo.ardesk.local"),
    ("collector", "collector", "collector@demo.ardesk.local"),
    ("collector2", "collector", "collector2@demo.ardesk.local"),
    ("manager", "finance_manager", "manager@demo.ardesk.local"),
    ("auditor", "internal_auditor", "auditor@demo.ardesk.local"),
    ("admin", "administrator", "admin@demo.ardesk.local"),
]
DEMO_PASSWORD = "ardesk2026"
# The demo team's names (the demo company is Chinese): shown wherever a user is named.
USER_NAMES = {
    "accountant": "王丽",
    "analyst": "陈志强",
    "collector": "刘洋",
    "collector2": "赵敏",
    "manager": "张伟",
    "auditor": "李静",
    "admin": "周涛",
}


@dataclass(frozen=True)
class DemoContact:
    name: str
    role: str
    title: str
    phone: str
    email: str
    preferred_language: str
    preferred_channel: str
    id_number: str
    is_primary: bool


@dataclass(frozen=True)
class DemoCustomer:
    company: str
    code: str
    name: str
    uscc: str
    currency: str
    industry: str
    region: str
    address: str
    registered_capital: Decimal | None
    founded_on: dt.date | None
    legal_representative: str
    business_scope: str
    parent_code: str
    collector: str
    analyst: str
    next_review_on: dt.date
    status: str
    bank_name: str
    bank_account: str
    contacts: list[DemoContact] = field(default_factory=list)


def _org_body(rng: random.Random) -> str:
    return (
        "".join(rng.choice(ORG_CHARSET[:10] if i < 2 else ORG_CHARSET) for i in range(8))
        .replace("I", "J")
        .replace("O", "P")
        .replace("S", "T")
        .replace("V", "W")
        .replace("Z", "Y")
    )


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def id_number(rng: random.Random, division: str) -> str:
    """A syntactically valid resident ID number (GB 11643) with its check character."""
    birth = dt.date(1965, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 35))
    body = f"{division}{birth:%Y%m%d}{rng.randrange(0, 1000):03d}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    check = "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]
    return body + check


def _contacts(rng: random.Random, domain: str, division: str, legal_rep: str, foreign: bool) -> list[DemoContact]:
    count = rng.choice((1, 2, 2, 3))
    roles = ["finance", "purchasing", "management", "legal_rep"]
    contacts = []
    for index in range(count):
        role = roles[index] if index < len(roles) else "other"
        name = legal_rep if role == "legal_rep" else ("Alex Chan" if foreign and index == 0 else _person(rng))
        phone = (
            f"+852 {rng.randrange(5000, 9999)} {rng.randrange(1000, 9999)}"
            if foreign
            else f"1{rng.choice('3578')}{rng.randrange(0, 10)}{rng.randrange(10000000, 99999999)}"
        )
        contacts.append(
            DemoContact(
                name=name,
                role=role,
                title={
                    "finance": "财务经理",
                    "purchasing": "采购主管",
                    "management": "总经理",
                    "legal_rep": "法定代表人",
                }.get(role, ""),
                phone=phone,
                email=f"{role}{index + 1}@{domain}",
                preferred_language="en" if foreign else "zh-hans",
                preferred_channel=rng.choice(("email", "email", "phone", "wechat")) if not foreign else "email",
                id_number=id_number(rng, division) if role == "legal_rep" and not foreign else "",
                is_primary=index == 0,
            )
        )
    return contacts


def demo_customers(
    *, count: int = 300, seed: int = 20240101, anchor: dt.date, companies: tuple[str, ...] = ("SH01", "SZ01")
) -> Iterator[DemoCustomer]:
    """Yield deterministic demo customers, parents before their subsidiaries.

    The first company gets 60 % of the customers; the second also sells abroad in USD.
    A few group parents each have two to five subsidiaries.
    """
    rng = random.Random(seed)
    used_names: set[str] = set()
    collectors = [u for u, role, _ in USERS if role == "collector"]
    parents_by_company: dict[str, list[str]] = {c: [] for c in companies}
    for number in range(1, count + 1):
        company = companies[0] if len(companies) == 1 or number % 5 < 3 else companies[1]
        code = f"C{number:05d}" if count < 100000 else f"C{number:07d}"
        foreign = company == companies[-1] and len(companies) > 1 and number % 10 == 9
        is_parent = number % 50 in (1, 26) and not foreign
        if foreign:
            second, country = rng.choice(FOREIGN_SECOND)
            first = rng.choice(FOREIGN_FIRST)
            # A taken name takes the next first name in the list (no further draws, so the rest of
            # the generated data stays as it was): a real-looking name, never a "(99)" counter.
            candidates = [f"{f} {second}" for f in FOREIGN_FIRST[FOREIGN_FIRST.index(first) :] + FOREIGN_FIRST]
            name = next((c for c in candidates if c not in used_names), f"New {first} {second}")
            city, division, region = "", "", "99"
            industry, currency, uscc = "F", "USD", ""
            domain = f"{country.lower()}{number}.example.com"
        else:
            for _attempt in range(20):
                city, division, region = rng.choice(CITIES)
                brand = rng.choice(BRANDS)
                trade, industry = rng.choice(TRADES)
                suffix = "集团有限公司" if is_parent else rng.choice(("有限公司", "有限公司", "股份有限公司"))
                name = f"{city}{brand}{trade}{suffix}"
                if name not in used_names:
                    break
            else:
                name = f"{city}新{brand}{trade}{suffix}"  # 新: a real-looking name, never a "(99)" counter
            currency = "CNY"
            uscc = make_uscc("91", division, _org_body(rng))
            domain = f"c{number}.example.cn"
        used_names.add(name)
        legal_rep = _person(rng) if not foreign else "Alex Chan"
        parent_code = ""
        pool = parents_by_company[company]
        if not is_parent and not foreign and pool and rng.random() < 0.06:
            parent_code = rng.choice(pool)
        if is_parent:
            pool.append(code)
        status = rng.choices(("active", "on_hold", "blocked", "closed"), weights=(90, 5, 3, 2))[0]
        capital = Decimal(rng.choice((100, 200, 500, 1000, 2000, 5000, 10000))) * 10000 if not foreign else None
        yield DemoCustomer(
            company=company,
            code=code,
            name=name,
            uscc=uscc,
            currency=currency,
            industry=industry,
            region=region,
            address=f"{city}市{rng.choice(('高新区', '经济开发区', '工业园区', '中心城区'))}{rng.randrange(1, 999)}号"
            if not foreign
            else f"{rng.randrange(1, 999)} Harbour Road, {country}",
            registered_capital=capital,
            founded_on=dt.date(1993, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 29)),
            legal_representative=legal_rep,
            business_scope=f"{trade}产品的研发、生产与销售；货物进出口。"
            if not foreign
            else "Import and distribution.",
            parent_code=parent_code,
            collector=collectors[number % len(collectors)],
            analyst="analyst",
            next_review_on=anchor + dt.timedelta(days=rng.randrange(-60, 365)),
            status=status,
            bank_name=rng.choice(("中国工商银行", "中国建设银行", "招商银行", "中国银行", "交通银行"))
            if not foreign
            else "HSBC",
            bank_account="".join(str(rng.randrange(10)) for _ in range(19)),
            contacts=_contacts(rng, domain, division or "310115", legal_rep, foreign),
        )
