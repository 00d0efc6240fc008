.class public Lorg/apkaudit/flows/reflect_class_field_local/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "reflect_class_field_local" (no leak): the negative twin of reflect_class_field.
#
#   The same reflective call, but the constant names Uploader.remember(String), which keeps the value in a
#   field nothing reads; Uploader.send(String), which would upload it, is never called.


# instance fields
.field private method:Ljava/lang/reflect/Method;

.field private target:Ljava/lang/String;


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 8

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    const-string v0, "org.apkaudit.flows.reflect_class_field_local.Uploader"

    iput-object v0, p0, Lorg/apkaudit/flows/reflect_class_field_local/MainActivity;->target:Ljava/lang/String;

    :try_start_0
    const-string v0, "phone"

    invoke-virtual {p0, v0}, Lorg/apkaudit/flows/reflect_class_field_local/MainActivity;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;

    move-result-object v0

    check-cast v0, Landroid/telephony/TelephonyManager;

    # source: the device id
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;

    move-result-object v0

    iget-object v1, p0, Lorg/apkaudit/flows/reflect_class_field_local/MainActivity;->target:Ljava/lang/String;

    invoke-static {v1}, Ljava/lang/Class;->forName(Ljava/lang/String;)Ljava/lang/Class;

    move-result-object v1

    invoke-virtual {v1}, Ljava/lang/Class;->newInstance()Ljava/lang/Object;

    move-result-object v1

    invoke-virtual {v1}, Ljava/lang/Object;->getClass()Ljava/lang/Class;

    move-result-object v2

    const-string v3, "remember"

    const/4 v4, 0x1

    new-array v4, v4, [Ljava/lang/Class;

    const/4 v5, 0x0

    const-class v6, Ljava/lang/String;

    aput-object v6, v4, v5

    invoke-virtual {v2, v3, v4}, Ljava/lang/Class;->getMethod(Ljava/lang/String;[Ljava/lang/Class;)Ljava/lang/reflect/Method;

    move-result-object v2

    iput-object v2, p0, Lorg/apkaudit/flows/reflect_class_field_local/MainActivity;->method:Ljava/lang/reflect/Method;

    const/4 v3, 0x1

    new-array v3, v3, [Ljava/lang/Object;

    aput-object v0, v3, v5

    iget-object v2, p0, Lorg/apkaudit/flows/reflect_class_field_local/MainActivity;->method:Ljava/lang/reflect/Method;

    invoke-virtual {v2, v1, v3}, Ljava/lang/reflect/Method;->invoke(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;
    :try_end_0
    .catch Ljava/lang/Exception; {:try_start_0 .. :try_end_0} :catch_0

    return-void

    :catch_0
    move-exception v0

    return-void
.end method
