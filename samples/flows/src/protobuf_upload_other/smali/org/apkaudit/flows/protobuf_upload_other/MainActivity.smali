.class public Lorg/apkaudit/flows/protobuf_upload_other/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "protobuf_upload_other" (0 leaks): the negative twin of protobuf_upload. The device id goes into a ByteString and a
# Device message that stay on the phone; what is sent is another message holding a constant, and a count merged
# through protobuf's Visitor. A model that keeps every ByteString's bytes in one field, or lets the Visitor keep
# what it is given, would send the device id with them.
#
#   onCreate:
#     Device d = new Device();
#     d.setImeiBytes(ByteString.copyFromUtf8(telephonyManager.getDeviceId()));
#     setTitle(d.getImei());                        // shown only
#     Device copy = new Device();
#     copy.visit(MergeFromVisitor.INSTANCE, d);      // copy gets d's id and count
#     Ping p = new Ping();
#     p.setVersionBytes(ByteString.copyFromUtf8("1.0"));
#     postBytes(p.toByteArray());                   // "1.0" only, .../bytes
#     postCount(String.valueOf(copy.getCount()));   // a count, .../count


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method

.method private postBytes([B)V
    .registers 5

    :try_start_0
    new-instance v0, Ljava/net/URL;

    const-string v1, "https://api.flows.example/v1/protobuf_upload_other/bytes"

    invoke-direct {v0, v1}, Ljava/net/URL;-><init>(Ljava/lang/String;)V

    invoke-virtual {v0}, Ljava/net/URL;->openConnection()Ljava/net/URLConnection;

    move-result-object v0

    check-cast v0, Ljava/net/HttpURLConnection;

    const/4 v1, 0x1

    invoke-virtual {v0, v1}, Ljava/net/HttpURLConnection;->setDoOutput(Z)V

    invoke-virtual {v0}, Ljava/net/HttpURLConnection;->getOutputStream()Ljava/io/OutputStream;

    move-result-object v1

    invoke-virtual {v1, p1}, Ljava/io/OutputStream;->write([B)V

    invoke-virtual {v1}, Ljava/io/OutputStream;->close()V
    :try_end_0
    .catch Ljava/io/IOException; {:try_start_0 .. :try_end_0} :catch_0

    :goto_0
    return-void

    :catch_0
    move-exception v0

    goto :goto_0
.end method

.method private postCount(Ljava/lang/String;)V
    .registers 5

    :try_start_0
    new-instance v0, Ljava/net/URL;

    const-string v1, "https://api.flows.example/v1/protobuf_upload_other/count"

    invoke-direct {v0, v1}, Ljava/net/URL;-><init>(Ljava/lang/String;)V

    invoke-virtual {v0}, Ljava/net/URL;->openConnection()Ljava/net/URLConnection;

    move-result-object v0

    check-cast v0, Ljava/net/HttpURLConnection;

    const/4 v1, 0x1

    invoke-virtual {v0, v1}, Ljava/net/HttpURLConnection;->setDoOutput(Z)V

    invoke-virtual {v0}, Ljava/net/HttpURLConnection;->getOutputStream()Ljava/io/OutputStream;

    move-result-object v1

    const-string v2, "UTF-8"

    invoke-virtual {p1, v2}, Ljava/lang/String;->getBytes(Ljava/lang/String;)[B

    move-result-object v2

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


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 7

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    :try_start_0
    const-string v0, "phone"

    invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;

    move-result-object v0

    check-cast v0, Landroid/telephony/TelephonyManager;

    # source: the device id
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;

    move-result-object v0

    move-object v4, v0

    new-instance v1, Lorg/apkaudit/flows/protobuf_upload_other/proto/Device;

    invoke-direct {v1}, Lorg/apkaudit/flows/protobuf_upload_other/proto/Device;-><init>()V

    invoke-static {v0}, Lcom/google/protobuf/ByteString;->copyFromUtf8(Ljava/lang/String;)Lcom/google/protobuf/ByteString;

    move-result-object v0

    invoke-virtual {v1, v0}, Lorg/apkaudit/flows/protobuf_upload_other/proto/Device;->setImeiBytes(Lcom/google/protobuf/ByteString;)V

    invoke-virtual {v1}, Lorg/apkaudit/flows/protobuf_upload_other/proto/Device;->getImei()Ljava/lang/String;

    move-result-object v2

    invoke-virtual {p0, v2}, Landroid/app/Activity;->setTitle(Ljava/lang/CharSequence;)V

    new-instance v2, Lorg/apkaudit/flows/protobuf_upload_other/proto/Device;

    invoke-direct {v2}, Lorg/apkaudit/flows/protobuf_upload_other/proto/Device;-><init>()V

    sget-object v3, Lcom/google/protobuf/GeneratedMessageLite$MergeFromVisitor;->INSTANCE:Lcom/google/protobuf/GeneratedMessageLite$MergeFromVisitor;

    invoke-virtual {v2, v3, v1}, Lorg/apkaudit/flows/protobuf_upload_other/proto/Device;->visit(Lcom/google/protobuf/GeneratedMessageLite$Visitor;Lorg/apkaudit/flows/protobuf_upload_other/proto/Device;)V

    new-instance v3, Lorg/apkaudit/flows/protobuf_upload_other/proto/Ping;

    invoke-direct {v3}, Lorg/apkaudit/flows/protobuf_upload_other/proto/Ping;-><init>()V

    const-string v4, "1.0"

    invoke-static {v4}, Lcom/google/protobuf/ByteString;->copyFromUtf8(Ljava/lang/String;)Lcom/google/protobuf/ByteString;

    move-result-object v4

    invoke-virtual {v3, v4}, Lorg/apkaudit/flows/protobuf_upload_other/proto/Ping;->setVersionBytes(Lcom/google/protobuf/ByteString;)V

    invoke-virtual {v3}, Lorg/apkaudit/flows/protobuf_upload_other/proto/Ping;->toByteArray()[B

    move-result-object v4

    invoke-direct {p0, v4}, Lorg/apkaudit/flows/protobuf_upload_other/MainActivity;->postBytes([B)V

    invoke-virtual {v2}, Lorg/apkaudit/flows/protobuf_upload_other/proto/Device;->getCount()I

    move-result v4

    invoke-static {v4}, Ljava/lang/String;->valueOf(I)Ljava/lang/String;

    move-result-object v4

    invoke-direct {p0, v4}, Lorg/apkaudit/flows/protobuf_upload_other/MainActivity;->postCount(Ljava/lang/String;)V
    :try_end_0
    .catch Ljava/lang/SecurityException; {:try_start_0 .. :try_end_0} :catch_0

    :goto_0
    return-void

    :catch_0
    move-exception v0

    goto :goto_0
.end method
