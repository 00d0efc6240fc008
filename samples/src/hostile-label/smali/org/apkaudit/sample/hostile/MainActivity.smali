.class public Lorg/apkaudit/sample/hostile/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# The hostile-input sample: on launch it hands over to a class whose name holds look-alike angle brackets
# (U+FF1C, U+FF1E: allowed in DEX names), which reads contacts and SMS through content URIs carrying HTML and
# script payloads, and uploads to a javascript: URL. Report writers must show all of it as inert text.


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 2

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    invoke-static {p0}, Lorg/apkaudit/sample/hostile/＜script＞Harvest;->harvest(Landroid/content/Context;)V

    return-void
.end method
