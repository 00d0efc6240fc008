.class public Lorg/apkaudit/sample/dexloader/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Launcher activity. onCreate() starts PluginTask on a new Thread.


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 4

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    new-instance v0, Ljava/lang/Thread;

    new-instance v1, Lorg/apkaudit/sample/dexloader/PluginTask;

    invoke-direct {v1, p0}, Lorg/apkaudit/sample/dexloader/PluginTask;-><init>(Landroid/content/Context;)V

    invoke-direct {v0, v1}, Ljava/lang/Thread;-><init>(Ljava/lang/Runnable;)V

    invoke-virtual {v0}, Ljava/lang/Thread;->start()V

    return-void
.end method
