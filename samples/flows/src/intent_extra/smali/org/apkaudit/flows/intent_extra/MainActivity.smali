.class public Lorg/apkaudit/flows/intent_extra/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "intent_extra" (2 leaks: 1 ipc, 1 log).
#
#   String imei = ((TelephonyManager) getSystemService("phone")).getDeviceId();
#   Intent intent = new Intent("org.apkaudit.flows.intent_extra.DEVICE_INFO");
#   intent.putExtra("imei", imei);              // carrier: Intent extra
#   sendBroadcast(intent);                      // <- leak 1 (ipc)
#   String back = intent.getStringExtra("imei");
#   Log.i("FlowIntentExtra", back);             // <- leak 2 (log)
#
# try/catch (Exception): getDeviceId() throws SecurityException on API 29+, and
# Log.i throws NullPointerException if there is no device id (null message).


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

    :try_start_0
    const-string v0, "phone"

    invoke-virtual {p0, v0}, Lorg/apkaudit/flows/intent_extra/MainActivity;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;

    move-result-object v0

    check-cast v0, Landroid/telephony/TelephonyManager;

    # source: TelephonyManager.getDeviceId()
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;

    move-result-object v0

    new-instance v1, Landroid/content/Intent;

    const-string v2, "org.apkaudit.flows.intent_extra.DEVICE_INFO"

    invoke-direct {v1, v2}, Landroid/content/Intent;-><init>(Ljava/lang/String;)V

    const-string v2, "imei"

    # carrier: the IMEI becomes an extra of the Intent
    invoke-virtual {v1, v2, v0}, Landroid/content/Intent;->putExtra(Ljava/lang/String;Ljava/lang/String;)Landroid/content/Intent;

    # sink 1 (ipc): the Intent, with the IMEI extra, is broadcast
    invoke-virtual {p0, v1}, Lorg/apkaudit/flows/intent_extra/MainActivity;->sendBroadcast(Landroid/content/Intent;)V

    const-string v2, "imei"

    invoke-virtual {v1, v2}, Landroid/content/Intent;->getStringExtra(Ljava/lang/String;)Ljava/lang/String;

    move-result-object v0

    const-string v2, "FlowIntentExtra"

    # sink 2 (log): the extra read back from the same Intent is logged
    invoke-static {v2, v0}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I
    :try_end_0
    .catch Ljava/lang/Exception; {:try_start_0 .. :try_end_0} :catch_0

    :goto_0
    return-void

    :catch_0
    move-exception v0

    goto :goto_0
.end method
