.class public Lorg/apkaudit/flows/icc_service/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "icc_service" (4 leaks): the IMEI crosses to other components of the app in explicit Intents.
#
#   String imei = ((TelephonyManager) getSystemService("phone")).getDeviceId();
#   Intent up = new Intent(this, UploadService.class); up.putExtra("imei", imei);
#   startService(up);                                   // <- leak 1, ipc (onCreate)
#   show(imei);                                         // new Intent(this, ShowActivity.class), putExtra,
#                                                       // startActivity  <- leak 2, ipc (show)
#   UploadService.onStartCommand(intent, ..): intent.getStringExtra("imei") -> POST to
#       https://api.flows.example/v1/icc_service        // <- leak 3, network (UploadService.onStartCommand)
#   ShowActivity.onCreate: getIntent().getStringExtra("imei") -> Log.i   // <- leak 4, log


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method

.method private show(Ljava/lang/String;)V
    .registers 4

    new-instance v0, Landroid/content/Intent;

    const-class v1, Lorg/apkaudit/flows/icc_service/ShowActivity;

    invoke-direct {v0, p0, v1}, Landroid/content/Intent;-><init>(Landroid/content/Context;Ljava/lang/Class;)V

    const-string v1, "imei"

    invoke-virtual {v0, v1, p1}, Landroid/content/Intent;->putExtra(Ljava/lang/String;Ljava/lang/String;)Landroid/content/Intent;

    # sink: the Intent, with the IMEI, goes to ShowActivity
    invoke-virtual {p0, v0}, Lorg/apkaudit/flows/icc_service/MainActivity;->startActivity(Landroid/content/Intent;)V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 5

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    :try_start_0
    const-string v0, "phone"

    invoke-virtual {p0, v0}, Lorg/apkaudit/flows/icc_service/MainActivity;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;

    move-result-object v0

    check-cast v0, Landroid/telephony/TelephonyManager;

    # source: TelephonyManager.getDeviceId()
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;

    move-result-object v0

    new-instance v1, Landroid/content/Intent;

    const-class v2, Lorg/apkaudit/flows/icc_service/UploadService;

    invoke-direct {v1, p0, v2}, Landroid/content/Intent;-><init>(Landroid/content/Context;Ljava/lang/Class;)V

    const-string v2, "imei"

    invoke-virtual {v1, v2, v0}, Landroid/content/Intent;->putExtra(Ljava/lang/String;Ljava/lang/String;)Landroid/content/Intent;

    # sink: the Intent, with the IMEI, goes to UploadService
    invoke-virtual {p0, v1}, Lorg/apkaudit/flows/icc_service/MainActivity;->startService(Landroid/content/Intent;)Landroid/content/ComponentName;

    invoke-direct {p0, v0}, Lorg/apkaudit/flows/icc_service/MainActivity;->show(Ljava/lang/String;)V
    :try_end_0
    .catch Ljava/lang/Exception; {:try_start_0 .. :try_end_0} :catch_0

    :goto_0
    return-void

    :catch_0
    move-exception v0

    goto :goto_0
.end method
