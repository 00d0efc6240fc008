.class public Lorg/apkaudit/flows/dispatch_by_caller_local/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "dispatch_by_caller_local" (NEGATIVE: 0 leaks): which override a virtual call on a parameter runs is decided by the caller.
#
#   TelephonyManager tm = (TelephonyManager) getSystemService("phone");
#   setTitle(describe(new DeviceSource(tm)));      // shown only
#   send(describe(new VersionSource()));          // the constant
#   private String describe(Source s) { return s.value(); }   // DeviceSource.value() reads getDeviceId()
#   private void send(String body):
#     ... new URL("https://api.flows.example/v1/dispatch_by_caller_local").openConnection() ...
#     out.write(body.getBytes("UTF-8"));
#
# try/catch (Exception): getDeviceId() throws SecurityException on API 29+,
# main-thread network I/O throws NetworkOnMainThreadException.


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method

.method private describe(Lorg/apkaudit/flows/dispatch_by_caller_local/Source;)Ljava/lang/String;
    .registers 3

    invoke-virtual {p1}, Lorg/apkaudit/flows/dispatch_by_caller_local/Source;->value()Ljava/lang/String;

    move-result-object v0

    return-object v0
.end method

.method private send(Ljava/lang/String;)V
    .registers 6
    .annotation system Ldalvik/annotation/Throws;
        value = {
            Ljava/io/IOException;
        }
    .end annotation

    new-instance v0, Ljava/net/URL;

    const-string v1, "https://api.flows.example/v1/dispatch_by_caller_local"

    invoke-direct {v0, v1}, Ljava/net/URL;-><init>(Ljava/lang/String;)V

    invoke-virtual {v0}, Ljava/net/URL;->openConnection()Ljava/net/URLConnection;

    move-result-object v0

    check-cast v0, Ljava/net/HttpURLConnection;

    const-string v1, "POST"

    invoke-virtual {v0, v1}, Ljava/net/HttpURLConnection;->setRequestMethod(Ljava/lang/String;)V

    const/4 v1, 0x1

    invoke-virtual {v0, v1}, Ljava/net/HttpURLConnection;->setDoOutput(Z)V

    invoke-virtual {v0}, Ljava/net/HttpURLConnection;->getOutputStream()Ljava/io/OutputStream;

    move-result-object v1

    const-string v2, "UTF-8"

    invoke-virtual {p1, v2}, Ljava/lang/String;->getBytes(Ljava/lang/String;)[B

    move-result-object v2

    invoke-virtual {v1, v2}, Ljava/io/OutputStream;->write([B)V

    invoke-virtual {v1}, Ljava/io/OutputStream;->close()V

    invoke-virtual {v0}, Ljava/net/HttpURLConnection;->getResponseCode()I

    invoke-virtual {v0}, Ljava/net/HttpURLConnection;->disconnect()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 4

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    :try_start_0
    const-string v0, "phone"

    invoke-virtual {p0, v0}, Lorg/apkaudit/flows/dispatch_by_caller_local/MainActivity;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;

    move-result-object v0

    check-cast v0, Landroid/telephony/TelephonyManager;

    new-instance v1, Lorg/apkaudit/flows/dispatch_by_caller_local/DeviceSource;

    invoke-direct {v1, v0}, Lorg/apkaudit/flows/dispatch_by_caller_local/DeviceSource;-><init>(Landroid/telephony/TelephonyManager;)V

    invoke-direct {p0, v1}, Lorg/apkaudit/flows/dispatch_by_caller_local/MainActivity;->describe(Lorg/apkaudit/flows/dispatch_by_caller_local/Source;)Ljava/lang/String;

    move-result-object v1

    invoke-virtual {p0, v1}, Lorg/apkaudit/flows/dispatch_by_caller_local/MainActivity;->setTitle(Ljava/lang/CharSequence;)V

    new-instance v2, Lorg/apkaudit/flows/dispatch_by_caller_local/VersionSource;

    invoke-direct {v2}, Lorg/apkaudit/flows/dispatch_by_caller_local/VersionSource;-><init>()V

    invoke-direct {p0, v2}, Lorg/apkaudit/flows/dispatch_by_caller_local/MainActivity;->describe(Lorg/apkaudit/flows/dispatch_by_caller_local/Source;)Ljava/lang/String;

    move-result-object v2

    invoke-direct {p0, v2}, Lorg/apkaudit/flows/dispatch_by_caller_local/MainActivity;->send(Ljava/lang/String;)V
    :try_end_0
    .catch Ljava/lang/Exception; {:try_start_0 .. :try_end_0} :catch_0

    :goto_0
    return-void

    :catch_0
    move-exception v0

    goto :goto_0
.end method
