.class public Lorg/apkaudit/flows/exception_message_local/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "exception_message_local" (NEGATIVE: 0 leaks): a catch block sends a value the data replaces only after the
# last call that can throw.
#
#   String status = "no-device-id";
#   try {
#       String imei = ((TelephonyManager) getSystemService("phone")).getDeviceId();
#       status = imei;                               // a move: nothing after getDeviceId() can throw
#   } catch (SecurityException e) {
#       try { send(status); } catch (IOException ignored) { }   // "no-device-id" only
#       return;
#   }
#   setTitle("ok");
#   private void send(String body):
#     ... new URL("https://api.flows.example/v1/exception_message_local").openConnection() ...
#     out.write(body.getBytes("UTF-8"));


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method

.method private send(Ljava/lang/String;)V
    .registers 6
    .annotation system Ldalvik/annotation/Throws;
        value = {
            Ljava/io/IOException;
        }
    .end annotation

    new-instance v0, Ljava/net/URL;

    const-string v1, "https://api.flows.example/v1/exception_message_local"

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

    const-string v1, "no-device-id"

    :try_start_0
    const-string v0, "phone"

    invoke-virtual {p0, v0}, Lorg/apkaudit/flows/exception_message_local/MainActivity;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;

    move-result-object v0

    check-cast v0, Landroid/telephony/TelephonyManager;

    # source
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;

    move-result-object v0

    move-object v1, v0
    :try_end_0
    .catch Ljava/lang/SecurityException; {:try_start_0 .. :try_end_0} :catch_security

    const-string v0, "ok"

    invoke-virtual {p0, v0}, Lorg/apkaudit/flows/exception_message_local/MainActivity;->setTitle(Ljava/lang/CharSequence;)V

    :goto_0
    return-void

    :catch_security
    move-exception v0

    :try_start_1
    invoke-direct {p0, v1}, Lorg/apkaudit/flows/exception_message_local/MainActivity;->send(Ljava/lang/String;)V
    :try_end_1
    .catch Ljava/io/IOException; {:try_start_1 .. :try_end_1} :catch_io

    goto :goto_0

    :catch_io
    move-exception v0

    goto :goto_0
.end method
