"""What the app says it collects: its bundled privacy policy and user agreement, read against the code evidence.

PIPL Art. 17 requires notice of the kinds of personal information an app processes before it processes them.
Research tools that compare policy text with behaviour (PolicyLint, PoliCheck) parse policies with NLP and
take behaviour from dynamic analysis; this module does the part that a static scan can do in one pass:

1. find the policy texts an APK ships: HTML and text files under assets/ and res/, and long string resources,
   that carry a document cue (隐私政策, privacy policy, 用户协议...); and the URLs of online policies in string
   resources and DEX strings (reported, never fetched);
2. split the text into sentences and judge, per personal-data category, whether a sentence discloses
   collecting it, denies it ("我们不会读取您的通讯录", "we will not access your contacts") or only mentions it,
   with a lexicon of terms, negation cues, collection verbs and cancellers (catalogs/disclosure.yaml, which
   documents the method);
3. cross that verdict with the code evidence (model.Consistency.judge): `undisclosed` (code reads it, the
   text never says so), `contradicted` (the text denies it, code reads it), `disclosed_unused` (the text
   claims it, no code reads it; not judged when part of the code is hidden), `consistent` otherwise.

The APK controls all of this text, so it is read through ApkArchive's inflate caps, files above a size
limit are skipped, scripts and styles are dropped, and the amount of text judged is bounded. An APK with no
policy text at all is `no_text`: that says nothing about what the app discloses, and no category is judged.
A read through a system picker (one contact the user chose) is not counted as the code reading the category.
Only the categories of the lexicon are judged; text hard-coded in DEX is not read.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from apkaudit.apk import ApkArchive
from apkaudit.dex.file import DexFile
from apkaudit.facts.disclosure.documents import Text, file_texts, policy_urls, resource_texts
from apkaudit.facts.disclosure.judgement import judge
from apkaudit.facts.disclosure.lexicon import compiled
from apkaudit.facts.resources import StringResource, string_entries
from apkaudit.model import Coverage, DataAccess, Disclosure


def gather(
    archive: ApkArchive,
    apk: Any,
    dexes: Sequence[DexFile],
    data_access: Sequence[DataAccess],
    coverage: Coverage,
) -> Disclosure:
    """Find the policy texts and URLs in an APK and judge them against the code evidence."""
    lex = compiled()
    notes: list[str] = []
    texts = list(file_texts(archive, lex, notes))
    entries: list[StringResource] = []
    try:
        entries = string_entries(apk, lex.limits["resource_strings"])
    except Exception as exc:  # androguard raises many kinds on odd resource tables
        notes.append(f"policy text: string resources could not be read ({type(exc).__name__})")
    texts += list(resource_texts(entries, lex))
    budget = lex.limits["max_chars"]
    kept = []
    for t in texts:  # in the order found: files with policy-like names first
        if budget <= 0:
            limit = lex.limits["max_chars"]
            notes.append(f"policy text: {t.document.path!r} not judged (the {limit}-character limit was reached)")
            continue
        kept.append(t if len(t.text) <= budget else Text(t.document, t.text[:budget]))
        budget -= len(t.text)
    urls = policy_urls(entries, dexes, lex, notes)
    return judge(kept, urls, data_access, coverage, notes)
