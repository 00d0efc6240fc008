.class public Lorg/apkaudit/flows/endpoint_constants/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "endpoint_constants" (3 leaks, network): the same IMEI is sent three times, each time to a URL
# that is not a const-string in the method that sends: the endpoint must still be reported.
#
#   String imei = ((TelephonyManager) getSystemService("phone")).getDeviceId();
#   sendWithBuildConfig(imei);   // new URL(BuildConfig.API_URL): sget-object of a static final field
#   sendWithResource(imei);      // new URL(getString(R.string.upload_url)): a string resource
#   sendWithStaticField(imei);   // new URL(Api.BASE): a field its class's static initialiser sets
#
# each send: HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection(); c.setDoOutput(true);
#            OutputStream out = c.getOutputStream(); out.write(imei.getBytes()); out.close();


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method

# URL from BuildConfig.API_URL (a static final field read with sget-object)
.method private sendWithBuildConfig(Ljava/lang/String;)V
    .registers 5

    :try_start_0
    sget-object v0, Lorg/apkaudit/flows/endpoint_constants/BuildConfig;->API_URL:Ljava/lang/String;

    new-instance v1, Ljava/net/URL;

    invoke-direct {v1, v0}, Ljava/net/URL;-><init>(Ljava/lang/String;)V

    invoke-virtual {v1}, Ljava/net/URL;->openConnection()Ljava/net/URLConnection;

    move-result-object v1

    check-cast v1, Ljava/net/HttpURLConnection;

    const/4 v2, 0x1

    invoke-virtual {v1, v2}, Ljava/net/HttpURLConnection;->setDoOutput(Z)V

    invoke-virtual {v1}, Ljava/net/HttpURLConnection;->getOutputStream()Ljava/io/OutputStream;

    move-result-object v2

    invoke-virtual {p1}, Ljava/lang/String;->getBytes()[B

    move-result-object v3

    # sink: the IMEI is written to the connection's output stream
    invoke-virtual {v2, v3}, Ljava/io/OutputStream;->write([B)V

    invoke-virtual {v2}, Ljava/io/OutputStream;->close()V
    :try_end_0
    .catch Ljava/lang/Exception; {:try_start_0 .. :try_end_0} :catch_0

    :goto_0
    return-void

    :catch_0
    move-exception v0

    goto :goto_0
.end method


# URL from getString(R.string.upload_url)
.method private sendWithResource(Ljava/lang/String;)V
    .registers 5

    :try_start_0
    const v0, 0x7f020001

    invoke-virtual {p0, v0}, Lorg/apkaudit/flows/endpoint_constants/MainActivity;->getString(I)Ljava/lang/String;

    move-result-object v0

    new-instance v1, Ljava/net/URL;

    invoke-direct {v1, v0}, Ljava/net/URL;-><init>(Ljava/lang/String;)V

    invoke-virtual {v1}, Ljava/net/URL;->openConnection()Ljava/net/URLConnection;

    move-result-object v1

    check-cast v1, Ljava/net/HttpURLConnection;

    const/4 v2, 0x1

    invoke-virtual {v1, v2}, Ljava/net/HttpURLConnection;->setDoOutput(Z)V

    invoke-virtual {v1}, Ljava/net/HttpURLConnection;->getOutputStream()Ljava/io/OutputStream;

    move-result-object v2

    invoke-virtual {p1}, Ljava/lang/String;->getBytes()[B

    move-result-object v3

    # sink: the IMEI is written to the connection's output stream
    invoke-virtual {v2, v3}, Ljava/io/OutputStream;->write([B)V

    invoke-virtual {v2}, Ljava/io/OutputStream;->close()V
    :try_end_0
    .catch Ljava/lang/Exception; {:try_start_0 .. :try_end_0} :catch_0

    :goto_0
    return-void

    :catch_0
    move-exception v0

    goto :goto_0
.end method


# URL from Api.BASE, set by Api.<clinit>
.method private sendWithStaticField(Ljava/lang/String;)V
    .registers 5

    :try_start_0
    sget-object v0, Lorg/apkaudit/flows/endpoint_constants/Api;->BASE:Ljava/lang/String;

    new-instance v1, Ljava/net/URL;

    invoke-direct {v1, v0}, Ljava/net/URL;-><init>(Ljava/lang/String;)V

    invoke-virtual {v1}, Ljava/net/URL;->openConnection()Ljava/net/URLConnection;

    move-result-object v1

    check-cast v1, Ljava/net/HttpURLConnection;

    const/4 v2, 0x1

    invoke-virtual {v1, v2}, Ljava/net/HttpURLConnection;->setDoOutput(Z)V

    invoke-virtual {v1}, Ljava/net/HttpURLConnection;->getOutputStream()Ljava/io/OutputStream;

    move-result-object v2

    invoke-virtual {p1}, Ljava/lang/String;->getBytes()[B

    move-result-object v3

    # sink: the IMEI is written to the connection's output stream
    invoke-virtual {v2, v3}, Ljava/io/OutputStream;->write([B)V

    invoke-virtual {v2}, Ljava/io/OutputStream;->close()V
    :try_end_0
    .catch Ljava/lang/Exception; {:try_start_0 .. :try_end_0} :catch_0

    :goto_0
    return-void

    :catch_0
    move-exception v0

    goto :goto_0
.end method


# R.string.upload_url is 0x7f020001: the id aapt gives it (attr 1, string 2; upload_url after app_name);
# check with androguard after a rebuild if strings.xml changes.

# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 4

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    :try_start_0
    const-string v0, "phone"

    invoke-virtual {p0, v0}, Lorg/apkaudit/flows/endpoint_constants/MainActivity;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;

    move-result-object v0

    check-cast v0, Landroid/telephony/TelephonyManager;

    # source: TelephonyManager.getDeviceId()
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;

    move-result-object v0

    invoke-direct {p0, v0}, Lorg/apkaudit/flows/endpoint_constants/MainActivity;->sendWithBuildConfig(Ljava/lang/String;)V

    invoke-direct {p0, v0}, Lorg/apkaudit/flows/endpoint_constants/MainActivity;->sendWithResource(Ljava/lang/String;)V

    invoke-direct {p0, v0}, Lorg/apkaudit/flows/endpoint_constants/MainActivity;->sendWithStaticField(Ljava/lang/String;)V
    :try_end_0
    .catch Ljava/lang/Exception; {:try_start_0 .. :try_end_0} :catch_0

    :goto_0
    return-void

    :catch_0
    move-exception v0

    goto :goto_0
.end method
