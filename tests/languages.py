"""A test site in three languages (`extra.timeline.languages: [en, ar, fr]`) with records
translated into Arabic and French as editors write them, and records left untranslated: the
seed's content stays English (no translation of the article's facts is invented for the real
site); these translations exist only in tests."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import copy_project

LANGUAGES = ("en", "ar", "fr")
TRANSLATED_EVENT = "2020-03-coalition-troops-to-leave-al-qaim"
UNTRANSLATED_EVENT = "2014-coalition-mission-in-iraq-begins"
ARABIC_TITLE = "قوات التحالف تغادر قاعدة القائم خلال أيام"
ARABIC_WORD = "القائم"  # in the Arabic title only: the Arabic search finds it, the English one does not

EVENTS = {
    TRANSLATED_EVENT: {
        "ar": {
            "title": ARABIC_TITLE,
            "summary": "قال التحالف إن القوات ستغادر قاعدة القائم غربي العراق خلال أيام، ويتجه معظمها إلى قواعد أكبر في العراق.",
            "details": "أُعلن ذلك في 16 مارس 2020.",
        },
        "fr": {
            "title": "Les troupes de la coalition quittent la base d’al-Qaïm sous quelques jours",
            "summary": "La coalition a dit que ses troupes quitteraient la base d’al-Qaïm, dans l’ouest de l’Irak, sous quelques jours.",
            "details": "Annoncé le 16 mars 2020.",
        },
    },
    "2020-03-rocket-attack-on-camp-taji-kills-three": {
        "ar": {
            "title": "هجوم صاروخي على معسكر التاجي يقتل ثلاثة جنود",
            "summary": "قُتل جنديان أمريكيان وجندي بريطاني.",
        },
    },
}
COLLECTIONS = {
    ("places.yaml", "al-qaim"): {
        "ar": {"name": "قاعدة القائم", "country": "العراق"},
        "fr": {"name": "Base d’al-Qaïm", "country": "Irak"},
    },
    ("places.yaml", "iraq"): {"ar": {"name": "العراق", "country": "العراق"}},
    ("actors.yaml", "us-led-coalition"): {
        "ar": {"name": "التحالف بقيادة الولايات المتحدة", "description": "التحالف الدولي لمحاربة تنظيم الدولة."}
    },
    ("tags.yaml", "withdrawal"): {
        "ar": {"label": "الانسحاب من القواعد", "description": "يسلّم التحالف القواعد للقوات العراقية."}
    },
    ("sources.yaml", "wapo-2020-03-16-coalition-smaller-bases"): {
        "ar": {"title": "التحالف بقيادة أمريكية يسحب مئات الجنود من قواعد صغيرة في العراق"}
    },
}
STORY = "how-the-coalition-left-the-smaller-bases"
STORY_TRANSLATION = {
    "ar": {
        "title": "كيف غادر التحالف القواعد الصغيرة",
        "summary": "من مهمة التحالف عام 2014 إلى الانتقال المعلن في 16 مارس 2020.",
    }
}


def block(translations: dict[str, dict[str, str]], indent: str) -> str:
    """`translations:` as an editor writes it, at `indent`."""
    lines = [f"{indent}translations:"]
    for language, fields in translations.items():
        lines.append(f"{indent}  {language}:")
        lines += [f'{indent}    {name}: "{text}"' for name, text in fields.items()]
    return "\n".join(lines) + "\n"


def translate(content: Path) -> None:
    """Add the translations above to a copy of the seed's content."""
    for key, translations in EVENTS.items():
        path = content / "events" / f"{key}.yaml"
        path.write_text(path.read_text().rstrip("\n") + "\n" + block(translations, ""))
    for (file, key), translations in COLLECTIONS.items():
        path = content / file
        text = path.read_text()
        added = block(translations, "  ")
        text, found = re.subn(rf"^({re.escape(key)}:\n)", lambda m, added=added: m.group(1) + added, text, flags=re.M)
        assert found == 1, (file, key)
        path.write_text(text)
    path = content / "stories" / f"{STORY}.yaml"
    text = path.read_text().replace("steps:\n", block(STORY_TRANSLATION, "") + "steps:\n", 1)
    path.write_text(text)


def set_languages(project: Path, languages: tuple[str, ...] = LANGUAGES) -> None:
    config = project / "mkdocs.yml"
    listed = ", ".join(languages)
    config.write_text(
        config.read_text().replace("\nextra_css:", f"\nextra:\n  timeline:\n    languages: [{listed}]\n\nextra_css:", 1)
    )


def languages_project(target: Path, languages: tuple[str, ...] = LANGUAGES) -> Path:
    project = copy_project(target)
    set_languages(project, languages)
    translate(project / "content")
    return project
