.class public Lorg/apkaudit/flows/listener_owner/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "listener_owner" (1 leak, network): a location listener keeps the activity that made it, behind
# an interface, and hands it each position; that activity uploads it.
#
#   MainActivity.onCreate:  locationManager.requestLocationUpdates("gps", 5000, 0, new Watcher(this));
#   Watcher.onLocationChanged(Location l):  owner.onPosition(String.valueOf(l.getLatitude()));
#   MainActivity.onPosition(String p):  post(p);                // <- the leak
#   MapActivity.onPosition(String p):  setTitle(p);             // MapActivity makes no Watcher

# interfaces
.implements Lorg/apkaudit/flows/listener_owner/Owner;


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

    new-instance v5, Lorg/apkaudit/flows/listener_owner/Watcher;

    invoke-direct {v5, p0}, Lorg/apkaudit/flows/listener_owner/Watcher;-><init>(Lorg/apkaudit/flows/listener_owner/Owner;)V

    const-string v0, "location"

    invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;

    move-result-object v0

    check-cast v0, Landroid/location/LocationManager;

    const-string v1, "gps"

    const-wide/16 v2, 0x1388

    const/4 v4, 0x0

    :try_start_0
    # the listener is registered with this activity as its owner
    invoke-virtual/range {v0 .. v5}, Landroid/location/LocationManager;->requestLocationUpdates(Ljava/lang/String;JFLandroid/location/LocationListener;)V
    :try_end_0
    .catch Ljava/lang/SecurityException; {:try_start_0 .. :try_end_0} :catch_0

    :catch_0
    return-void
.end method

.method public onPosition(Ljava/lang/String;)V
    .registers 4

    :try_start_0
    new-instance v0, Ljava/net/URL;

    const-string v1, "https://api.flows.example/v1/listener_owner"

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
