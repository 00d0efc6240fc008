.class public Lorg/apkaudit/flows/listener_owner_other/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "listener_owner_other" (no leak): the negative twin of listener_owner. The Watcher is made by
# MapActivity (new Watcher(this)), whose onPosition only shows the position; MainActivity's onPosition
# uploads, but no Watcher ever holds a MainActivity, so the position never reaches it.
#
#   MapActivity.onCreate:  locationManager.requestLocationUpdates("gps", 5000, 0, new Watcher(this));
#   Watcher.onLocationChanged(Location l):  owner.onPosition(String.valueOf(l.getLatitude()));
#   MapActivity.onPosition(String p):  setTitle(p);
#   MainActivity.onPosition(String p):  post(p);                // never given a position

# interfaces
.implements Lorg/apkaudit/flows/listener_owner_other/Owner;


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

    return-void
.end method

.method public onPosition(Ljava/lang/String;)V
    .registers 4

    :try_start_0
    new-instance v0, Ljava/net/URL;

    const-string v1, "https://api.flows.example/v1/listener_owner_other"

    invoke-direct {v0, v1}, Ljava/net/URL;-><init>(Ljava/lang/String;)V

    invoke-virtual {v0}, Ljava/net/URL;->openConnection()Ljava/net/URLConnection;

    move-result-object v0

    check-cast v0, Ljava/net/HttpURLConnection;

    const/4 v1, 0x1

    invoke-virtual {v0, v1}, Ljava/net/HttpURLConnection;->setDoOutput(Z)V

    invoke-virtual {v0}, Ljava/net/HttpURLConnection;->getOutputStream()Ljava/io/OutputStream;

    move-result-object v0

    invoke-virtual {p1}, Ljava/lang/String;->getBytes()[B

    move-result-object v1

    # sink: the position written to the connection
    invoke-virtual {v0, v1}, Ljava/io/OutputStream;->write([B)V
    :try_end_0
    .catch Ljava/io/IOException; {:try_start_0 .. :try_end_0} :catch_0

    :catch_0
    return-void
.end method
