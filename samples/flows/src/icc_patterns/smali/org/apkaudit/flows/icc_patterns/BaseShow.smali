.class public abstract Lorg/apkaudit/flows/icc_patterns/BaseShow;
.super Landroid/app/Activity;
.source "BaseShow.java"

# An app base class whose onCreate reads the Intent the concrete activity (ShowActivity) was started with:
#   String imei = getIntent().getStringExtra("imei"); Log.i("show", imei);   // <- leak 3, log


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

    invoke-virtual {p0}, Lorg/apkaudit/flows/icc_patterns/BaseShow;->getIntent()Landroid/content/Intent;

    move-result-object v0

    const-string v1, "imei"

    invoke-virtual {v0, v1}, Landroid/content/Intent;->getStringExtra(Ljava/lang/String;)Ljava/lang/String;

    move-result-object v0

    const-string v1, "show"

    # sink: the IMEI that came in the Intent is logged
    invoke-static {v1, v0}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I

    return-void
.end method
