.class public Lorg/apkaudit/flows/dispatch_by_caller_local/DeviceSource;
.super Lorg/apkaudit/flows/dispatch_by_caller_local/Source;
.source "DeviceSource.java"

# class DeviceSource extends Source {
#     private final TelephonyManager tm;
#     DeviceSource(TelephonyManager tm) { this.tm = tm; }
#     String value() { return tm.getDeviceId(); }
# }


# instance fields
.field private final tm:Landroid/telephony/TelephonyManager;


# direct methods
.method public constructor <init>(Landroid/telephony/TelephonyManager;)V
    .registers 2

    invoke-direct {p0}, Lorg/apkaudit/flows/dispatch_by_caller_local/Source;-><init>()V

    iput-object p1, p0, Lorg/apkaudit/flows/dispatch_by_caller_local/DeviceSource;->tm:Landroid/telephony/TelephonyManager;

    return-void
.end method


# virtual methods
.method public value()Ljava/lang/String;
    .registers 2

    iget-object v0, p0, Lorg/apkaudit/flows/dispatch_by_caller_local/DeviceSource;->tm:Landroid/telephony/TelephonyManager;

    # source
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;

    move-result-object v0

    return-object v0
.end method
