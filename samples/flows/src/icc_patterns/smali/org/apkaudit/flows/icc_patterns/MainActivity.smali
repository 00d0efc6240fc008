.class public Lorg/apkaudit/flows/icc_patterns/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "icc_patterns" (3 leaks): Intents whose target the analysis must keep across branches, factory
# methods, ComponentName and moves.
#
#   String imei = ((TelephonyManager) getSystemService("phone")).getDeviceId();
#   Intent up = (state == null) ? new Intent("com.other.app.SEND")      // implicit: other apps may get it
#                               : UploadService.newIntent(this);       // explicit, from a factory method
#   up.putExtra("imei", imei);
#   startService(up);               // <- leak 1, ipc (onCreate): on one path the Intent is implicit
#                                   //    and on the other UploadService.onStartCommand sends it:
#                                   // <- leak 2, network (UploadService.onStartCommand)
#   show(imei);                     // Intent j = new Intent(); j.setComponent(new ComponentName(this,
#                                   // ShowActivity.class)); j.putExtra("imei", imei); Intent k = j;
#                                   // startActivity(k): explicit, not a leak; ShowActivity's inherited
#                                   // BaseShow.onCreate logs getIntent()'s extra  <- leak 3, log


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method

.method private show(Ljava/lang/String;)V
    .registers 6

    new-instance v0, Landroid/content/Intent;

    invoke-direct {v0}, Landroid/content/Intent;-><init>()V

    new-instance v1, Landroid/content/ComponentName;

    const-class v2, Lorg/apkaudit/flows/icc_patterns/ShowActivity;

    invoke-direct {v1, p0, v2}, Landroid/content/ComponentName;-><init>(Landroid/content/Context;Ljava/lang/Class;)V

    invoke-virtual {v0, v1}, Landroid/content/Intent;->setComponent(Landroid/content/ComponentName;)Landroid/content/Intent;

    const-string v1, "imei"

    invoke-virtual {v0, v1, p1}, Landroid/content/Intent;->putExtra(Ljava/lang/String;Ljava/lang/String;)Landroid/content/Intent;

    move-object v3, v0

    # not a leak: the Intent names ShowActivity
    invoke-virtual {p0, v3}, Lorg/apkaudit/flows/icc_patterns/MainActivity;->startActivity(Landroid/content/Intent;)V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 5

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    :try_start_0
    const-string v0, "phone"

    invoke-virtual {p0, v0}, Lorg/apkaudit/flows/icc_patterns/MainActivity;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;

    move-result-object v0

    check-cast v0, Landroid/telephony/TelephonyManager;

    # source: TelephonyManager.getDeviceId()
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;

    move-result-object v0

    if-nez p1, :explicit

    new-instance v1, Landroid/content/Intent;

    const-string v2, "com.other.app.SEND"

    invoke-direct {v1, v2}, Landroid/content/Intent;-><init>(Ljava/lang/String;)V

    goto :send

    :explicit
    invoke-static {p0}, Lorg/apkaudit/flows/icc_patterns/UploadService;->newIntent(Landroid/content/Context;)Landroid/content/Intent;

    move-result-object v1

    :send
    const-string v2, "imei"

    invoke-virtual {v1, v2, v0}, Landroid/content/Intent;->putExtra(Ljava/lang/String;Ljava/lang/String;)Landroid/content/Intent;

    # sink: implicit on one path (a leak), UploadService on the other (followed there)
    invoke-virtual {p0, v1}, Lorg/apkaudit/flows/icc_patterns/MainActivity;->startService(Landroid/content/Intent;)Landroid/content/ComponentName;

    invoke-direct {p0, v0}, Lorg/apkaudit/flows/icc_patterns/MainActivity;->show(Ljava/lang/String;)V
    :try_end_0
    .catch Ljava/lang/Exception; {:try_start_0 .. :try_end_0} :catch_0

    :goto_0
    return-void

    :catch_0
    move-exception v0

    goto :goto_0
.end method
