"""Evidence packs (`apkaudit complaint`): from a rating to a complaint a regulator, a store or the police can act on.

`pack` builds the view (cover letter, channel, evidence annex, reproduction note, limits) from a JSON report dict and
renders it to HTML; `markdown` renders the same view to Markdown; `pdf` prints the HTML with Chromium when present;
`complainant` reads the complainant's own details; `run` is what the command line calls. Wording: `strings.yaml`.
"""
