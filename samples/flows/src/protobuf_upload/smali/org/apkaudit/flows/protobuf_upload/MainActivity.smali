.class public Lorg/apkaudit/flows/protobuf_upload/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "protobuf_upload" (2 leaks, network): the device id in a protobuf message (lite runtime, stand-ins of
# com.google.protobuf in smali/com/google/protobuf/), sent serialised: as bytes, and written into a stream.
#
#   onCreate:
#     String imei = telephonyManager.getDeviceId();
#     Device d = new Device();
#     d.setImeiBytes(ByteString.copyFromUtf8(imei));
#     postBytes(d.toByteArray());                  // <- leak 1: OutputStream.write in postBytes, .../bytes
#     stream(Device.newBuilder().setImei(imei).build());
#                                                  // <- leak 2: writeTo(connection.getOutputStream()), .../stream


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

    const-string v1, "https://api.flows.example/v1/protobuf_upload/bytes"

    invoke-direct {v0, v1}, Ljava/net/URL;-><init>(Ljava/lang/String;)V

    invoke-virtual {v0}, Ljava/net/URL;->openConnection()Ljava/net/URLConnection;

    move-result-object v0

    check-cast v0, Ljava/net/HttpURLConnection;

    const/4 v1, 0x1

    invoke-virtual {v0, v1}, Ljava/net/HttpURLConnection;->setDoOutput(Z)V

    invoke-virtual {v0}, Ljava/net/HttpURLConnection;->getOutputStream()Ljava/io/OutputStream;

    move-result-object v1

    # sink: the serialised message
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

.method private stream(Lorg/apkaudit/flows/protobuf_upload/proto/Device;)V
    .registers 5

    :try_start_0
    new-instance v0, Ljava/net/URL;

    const-string v1, "https://api.flows.example/v1/protobuf_upload/stream"

    invoke-direct {v0, v1}, Ljava/net/URL;-><init>(Ljava/lang/String;)V

    invoke-virtual {v0}, Ljava/net/URL;->openConnection()Ljava/net/URLConnection;

    move-result-object v0

    check-cast v0, Ljava/net/HttpURLConnection;

    const/4 v1, 0x1

    invoke-virtual {v0, v1}, Ljava/net/HttpURLConnection;->setDoOutput(Z)V

    invoke-virtual {v0}, Ljava/net/HttpURLConnection;->getOutputStream()Ljava/io/OutputStream;

    move-result-object v1

    # sink: the message writes itself into the connection's stream
    invoke-virtual {p1, v1}, Lorg/apkaudit/flows/protobuf_upload/proto/Device;->writeTo(Ljava/io/OutputStream;)V

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

    new-instance v1, Lorg/apkaudit/flows/protobuf_upload/proto/Device;

    invoke-direct {v1}, Lorg/apkaudit/flows/protobuf_upload/proto/Device;-><init>()V

    invoke-static {v0}, Lcom/google/protobuf/ByteString;->copyFromUtf8(Ljava/lang/String;)Lcom/google/protobuf/ByteString;

    move-result-object v0

    invoke-virtual {v1, v0}, Lorg/apkaudit/flows/protobuf_upload/proto/Device;->setImeiBytes(Lcom/google/protobuf/ByteString;)V

    invoke-virtual {v1}, Lorg/apkaudit/flows/protobuf_upload/proto/Device;->toByteArray()[B

    move-result-object v2

    invoke-direct {p0, v2}, Lorg/apkaudit/flows/protobuf_upload/MainActivity;->postBytes([B)V

    invoke-static {}, Lorg/apkaudit/flows/protobuf_upload/proto/Device;->newBuilder()Lorg/apkaudit/flows/protobuf_upload/proto/Device$Builder;

    move-result-object v2

    invoke-virtual {v2, v4}, Lorg/apkaudit/flows/protobuf_upload/proto/Device$Builder;->setImei(Ljava/lang/String;)Lorg/apkaudit/flows/protobuf_upload/proto/Device$Builder;

    move-result-object v2

    invoke-virtual {v2}, Lorg/apkaudit/flows/protobuf_upload/proto/Device$Builder;->build()Lcom/google/protobuf/GeneratedMessageLite;

    move-result-object v2

    check-cast v2, Lorg/apkaudit/flows/protobuf_upload/proto/Device;

    invoke-direct {p0, v2}, Lorg/apkaudit/flows/protobuf_upload/MainActivity;->stream(Lorg/apkaudit/flows/protobuf_upload/proto/Device;)V
    :try_end_0
    .catch Ljava/lang/SecurityException; {:try_start_0 .. :try_end_0} :catch_0

    :goto_0
    return-void

    :catch_0
    move-exception v0

    goto :goto_0
.end method
