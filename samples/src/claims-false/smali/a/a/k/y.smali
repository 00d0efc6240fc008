.class final La/a/k/y;
.super Ljava/lang/Object;
.source "SourceFile"

# AppCompat's TwilightManager as R8 leaves it (androidx.appcompat.app.TwilightManager -> a.a.k.y):
# reads the last known location only to decide whether it is night, for automatic night mode.


# static fields
.field private static a:La/a/k/y;


# instance fields
.field private final b:Landroid/content/Context;

.field private final c:Landroid/location/LocationManager;

.field private d:Z


# direct methods
.method constructor <init>(Landroid/content/Context;Landroid/location/LocationManager;)V
    .registers 3

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    iput-object p1, p0, La/a/k/y;->b:Landroid/content/Context;

    iput-object p2, p0, La/a/k/y;->c:Landroid/location/LocationManager;

    return-void
.end method

.method static a(Landroid/content/Context;)La/a/k/y;
    .registers 4

    sget-object v0, La/a/k/y;->a:La/a/k/y;

    if-nez v0, :cond_1b

    invoke-virtual {p0}, Landroid/content/Context;->getApplicationContext()Landroid/content/Context;

    move-result-object p0

    new-instance v0, La/a/k/y;

    const-string v1, "location"

    invoke-virtual {p0, v1}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;

    move-result-object v1

    check-cast v1, Landroid/location/LocationManager;

    invoke-direct {v0, p0, v1}, La/a/k/y;-><init>(Landroid/content/Context;Landroid/location/LocationManager;)V

    sput-object v0, La/a/k/y;->a:La/a/k/y;

    :cond_1b
    sget-object v0, La/a/k/y;->a:La/a/k/y;

    return-object v0
.end method

.method private a(Ljava/lang/String;)Landroid/location/Location;
    .registers 5

    :try_start_0
    iget-object v0, p0, La/a/k/y;->c:Landroid/location/LocationManager;

    invoke-virtual {v0, p1}, Landroid/location/LocationManager;->isProviderEnabled(Ljava/lang/String;)Z

    move-result v0

    if-eqz v0, :cond_11

    iget-object v0, p0, La/a/k/y;->c:Landroid/location/LocationManager;

    invoke-virtual {v0, p1}, Landroid/location/LocationManager;->getLastKnownLocation(Ljava/lang/String;)Landroid/location/Location;

    move-result-object v0
    :try_end_10
    .catch Ljava/lang/Exception; {:try_start_0 .. :try_end_10} :catch_12

    return-object v0

    :cond_11
    goto :goto_1a

    :catch_12
    move-exception v0

    const-string v1, "TwilightManager"

    const-string v2, "Failed to get last known location"

    invoke-static {v1, v2, v0}, Landroid/util/Log;->d(Ljava/lang/String;Ljava/lang/String;Ljava/lang/Throwable;)I

    :goto_1a
    const/4 v0, 0x0

    return-object v0
.end method

.method private b()Landroid/location/Location;
    .registers 5

    const/4 v0, 0x0

    iget-object v1, p0, La/a/k/y;->b:Landroid/content/Context;

    const-string v2, "android.permission.ACCESS_COARSE_LOCATION"

    invoke-virtual {v1, v2}, Landroid/content/Context;->checkCallingOrSelfPermission(Ljava/lang/String;)I

    move-result v1

    if-nez v1, :cond_coarse

    const-string v0, "network"

    invoke-direct {p0, v0}, La/a/k/y;->a(Ljava/lang/String;)Landroid/location/Location;

    move-result-object v0

    :cond_coarse
    iget-object v1, p0, La/a/k/y;->b:Landroid/content/Context;

    const-string v2, "android.permission.ACCESS_FINE_LOCATION"

    invoke-virtual {v1, v2}, Landroid/content/Context;->checkCallingOrSelfPermission(Ljava/lang/String;)I

    move-result v1

    if-nez v1, :cond_fine

    const-string v1, "gps"

    invoke-direct {p0, v1}, La/a/k/y;->a(Ljava/lang/String;)Landroid/location/Location;

    move-result-object v1

    if-eqz v1, :cond_fine

    return-object v1

    :cond_fine
    return-object v0
.end method


# virtual methods
.method a()Z
    .registers 8

    invoke-direct {p0}, La/a/k/y;->b()Landroid/location/Location;

    move-result-object v0

    invoke-static {}, Ljava/util/Calendar;->getInstance()Ljava/util/Calendar;

    move-result-object v1

    const/16 v2, 0xb

    invoke-virtual {v1, v2}, Ljava/util/Calendar;->get(I)I

    move-result v1

    if-nez v0, :cond_loc

    const-string v0, "TwilightManager"

    const-string v2, "Could not get last known location. This is probably because the app does not have any location permissions. Falling back to hardcoded sunrise/sunset values."

    invoke-static {v0, v2}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I

    const/4 v0, 0x6

    if-lt v1, v0, :cond_night

    const/16 v0, 0x16

    if-ge v1, v0, :cond_night

    goto :cond_day

    :cond_loc
    invoke-virtual {v0}, Landroid/location/Location;->getLatitude()D

    move-result-wide v2

    const-wide/16 v4, 0x0

    cmpl-double v0, v2, v4

    const/16 v2, 0x12

    if-ltz v0, :cond_south

    if-ge v1, v2, :cond_night

    goto :cond_day

    :cond_south
    const/4 v2, 0x5

    if-lt v1, v2, :cond_day

    :cond_night
    const/4 v0, 0x1

    iput-boolean v0, p0, La/a/k/y;->d:Z

    return v0

    :cond_day
    const/4 v0, 0x0

    iput-boolean v0, p0, La/a/k/y;->d:Z

    return v0
.end method
