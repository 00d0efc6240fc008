.class public Lorg/apkaudit/flows/element_positions_plain/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "element_positions_plain" (NEGATIVE: 0 leaks): objects and element positions.
#
#   String imei = ((TelephonyManager) getSystemService("phone")).getDeviceId();
#   Profile mine = new Profile(imei);            // a bean holding the device id
#   Profile demo = new Profile("demo");          // another bean of the same class, plain
#   row = new String[2];                         // an array of one row, kept in a field
#   row[0] = "android";
#   row[1] = imei;
#   List<String> columns = new ArrayList<>();
#   columns.add("android");                      // index 0
#   columns.add(imei);                           // index 1
#   String a = demo.id, b = row[0], c = columns.get(0);
#   sendProfile(a); sendRow(b); sendColumn(c);   // send*(demo.id), send*(row[0]), send*(columns.get(0))
#   private void send<Part>(String body):
#     ... new URL("https://api.flows.example/v1/element_positions_plain/<part>").openConnection() ...
#     out.write(body.getBytes("UTF-8"));
#
# try/catch (Exception): getDeviceId() throws SecurityException on API 29+,
# main-thread network I/O throws NetworkOnMainThreadException.


# instance fields
.field private row:[Ljava/lang/String;


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method

.method private sendProfile(Ljava/lang/String;)V
    .registers 6
    .annotation system Ldalvik/annotation/Throws;
        value = {
            Ljava/io/IOException;
        }
    .end annotation

    new-instance v0, Ljava/net/URL;

    const-string v1, "https://api.flows.example/v1/element_positions_plain/profile"

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

.method private sendRow(Ljava/lang/String;)V
    .registers 6
    .annotation system Ldalvik/annotation/Throws;
        value = {
            Ljava/io/IOException;
        }
    .end annotation

    new-instance v0, Ljava/net/URL;

    const-string v1, "https://api.flows.example/v1/element_positions_plain/row"

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

.method private sendColumn(Ljava/lang/String;)V
    .registers 6
    .annotation system Ldalvik/annotation/Throws;
        value = {
            Ljava/io/IOException;
        }
    .end annotation

    new-instance v0, Ljava/net/URL;

    const-string v1, "https://api.flows.example/v1/element_positions_plain/column"

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
    .registers 10

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    :try_start_0
    const-string v0, "phone"

    invoke-virtual {p0, v0}, Lorg/apkaudit/flows/element_positions_plain/MainActivity;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;

    move-result-object v0

    check-cast v0, Landroid/telephony/TelephonyManager;

    # source
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;

    move-result-object v0

    new-instance v1, Lorg/apkaudit/flows/element_positions_plain/Profile;

    invoke-direct {v1, v0}, Lorg/apkaudit/flows/element_positions_plain/Profile;-><init>(Ljava/lang/String;)V

    new-instance v2, Lorg/apkaudit/flows/element_positions_plain/Profile;

    const-string v3, "demo"

    invoke-direct {v2, v3}, Lorg/apkaudit/flows/element_positions_plain/Profile;-><init>(Ljava/lang/String;)V

    const/4 v3, 0x2

    new-array v3, v3, [Ljava/lang/String;

    iput-object v3, p0, Lorg/apkaudit/flows/element_positions_plain/MainActivity;->row:[Ljava/lang/String;

    iget-object v3, p0, Lorg/apkaudit/flows/element_positions_plain/MainActivity;->row:[Ljava/lang/String;

    const/4 v4, 0x0

    const-string v5, "android"

    aput-object v5, v3, v4

    iget-object v3, p0, Lorg/apkaudit/flows/element_positions_plain/MainActivity;->row:[Ljava/lang/String;

    const/4 v4, 0x1

    aput-object v0, v3, v4

    new-instance v4, Ljava/util/ArrayList;

    invoke-direct {v4}, Ljava/util/ArrayList;-><init>()V

    const-string v5, "android"

    invoke-interface {v4, v5}, Ljava/util/List;->add(Ljava/lang/Object;)Z

    invoke-interface {v4, v0}, Ljava/util/List;->add(Ljava/lang/Object;)Z

    iget-object v5, v2, Lorg/apkaudit/flows/element_positions_plain/Profile;->id:Ljava/lang/String;

    iget-object v6, p0, Lorg/apkaudit/flows/element_positions_plain/MainActivity;->row:[Ljava/lang/String;

    const/4 v7, 0x0

    aget-object v6, v6, v7

    invoke-interface {v4, v7}, Ljava/util/List;->get(I)Ljava/lang/Object;

    move-result-object v7

    check-cast v7, Ljava/lang/String;

    invoke-direct {p0, v5}, Lorg/apkaudit/flows/element_positions_plain/MainActivity;->sendProfile(Ljava/lang/String;)V

    invoke-direct {p0, v6}, Lorg/apkaudit/flows/element_positions_plain/MainActivity;->sendRow(Ljava/lang/String;)V

    invoke-direct {p0, v7}, Lorg/apkaudit/flows/element_positions_plain/MainActivity;->sendColumn(Ljava/lang/String;)V
    :try_end_0
    .catch Ljava/lang/Exception; {:try_start_0 .. :try_end_0} :catch_0

    :goto_0
    return-void

    :catch_0
    move-exception v0

    goto :goto_0
.end method
