.class public final Lorg/apkaudit/flows/prefs_helper_shapes/Uploader;
.super Ljava/lang/Object;
.source "Uploader.java"

# Sends and logs preferences (see MainActivity for the Java).


# direct methods
.method private constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method

.method public static upload()V
    .registers 1

    const-string v0, "device_id"

    invoke-static {v0}, Lorg/apkaudit/flows/prefs_helper_shapes/SpUtil;->get(Ljava/lang/String;)Ljava/lang/String;

    move-result-object v0

    invoke-static {v0}, Lorg/apkaudit/flows/prefs_helper_shapes/Uploader;->post(Ljava/lang/String;)V

    return-void
.end method

.method public static uploadBackup()V
    .registers 2

    const-string v0, "backup_id"

    invoke-static {v0}, Lorg/apkaudit/flows/prefs_helper_shapes/SpUtil;->get(Ljava/lang/String;)Ljava/lang/String;

    move-result-object v0

    const-string v1, "backup"

    # sink: logged
    invoke-static {v1, v0}, Landroid/util/Log;->e(Ljava/lang/String;Ljava/lang/String;)I

    return-void
.end method

.method public static uploadSerial()V
    .registers 2

    const-string v0, "serial"

    invoke-static {v0}, Lorg/apkaudit/flows/prefs_helper_shapes/SpUtil;->get(Ljava/lang/String;)Ljava/lang/String;

    move-result-object v0

    const-string v1, "serial"

    # sink: logged
    invoke-static {v1, v0}, Landroid/util/Log;->w(Ljava/lang/String;Ljava/lang/String;)I

    return-void
.end method

.method public static post(Ljava/lang/String;)V
    .registers 4

    :try_start_0
    new-instance v0, Ljava/net/URL;

    const-string v1, "https://api.flows.example/v1/prefs_helper_shapes"

    invoke-direct {v0, v1}, Ljava/net/URL;-><init>(Ljava/lang/String;)V

    invoke-virtual {v0}, Ljava/net/URL;->openConnection()Ljava/net/URLConnection;

    move-result-object v0

    check-cast v0, Ljava/net/HttpURLConnection;

    const/4 v1, 0x1

    invoke-virtual {v0, v1}, Ljava/net/HttpURLConnection;->setDoOutput(Z)V

    invoke-virtual {v0}, Ljava/net/HttpURLConnection;->getOutputStream()Ljava/io/OutputStream;

    move-result-object v1

    const-string v2, "UTF-8"

    invoke-virtual {p0, v2}, Ljava/lang/String;->getBytes(Ljava/lang/String;)[B

    move-result-object v2

    # sink: written to the connection
    invoke-virtual {v1, v2}, Ljava/io/OutputStream;->write([B)V

    invoke-virtual {v1}, Ljava/io/OutputStream;->close()V
    :try_end_0
    .catch Ljava/io/IOException; {:try_start_0 .. :try_end_0} :catch_0

    :goto_0
    return-void

    :catch_0
    move-exception v0

    goto :goto_0
.end method
