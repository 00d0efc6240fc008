.class public Lorg/apkaudit/sample/compliantloan/IdPhotoActivity;
.super Landroid/app/Activity;
.source "IdPhotoActivity.java"

# Takes a photo of the user's ID card with the system camera app
# (MediaStore.ACTION_IMAGE_CAPTURE). Because the app declares CAMERA, Android 6+
# requires the permission to be granted before firing that intent, so it is
# requested at run time first.


# static fields
.field private static final REQUEST_CAMERA_PERMISSION:I = 0x3

.field private static final REQUEST_ID_PHOTO:I = 0x2


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method

.method private captureIdPhoto()V
    .registers 3

    # new Intent(MediaStore.ACTION_IMAGE_CAPTURE)
    new-instance v0, Landroid/content/Intent;

    const-string v1, "android.media.action.IMAGE_CAPTURE"

    invoke-direct {v0, v1}, Landroid/content/Intent;-><init>(Ljava/lang/String;)V

    const/4 v1, 0x2

    invoke-virtual {p0, v0, v1}, Lorg/apkaudit/sample/compliantloan/IdPhotoActivity;->startActivityForResult(Landroid/content/Intent;I)V

    return-void
.end method


# virtual methods
.method protected onActivityResult(IILandroid/content/Intent;)V
    .registers 4

    invoke-super {p0, p1, p2, p3}, Landroid/app/Activity;->onActivityResult(IILandroid/content/Intent;)V

    invoke-virtual {p0}, Lorg/apkaudit/sample/compliantloan/IdPhotoActivity;->finish()V

    return-void
.end method

.method protected onCreate(Landroid/os/Bundle;)V
    .registers 5

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    sget v0, Landroid/os/Build$VERSION;->SDK_INT:I

    const/16 v1, 0x17

    if-lt v0, v1, :cond_capture

    const-string v0, "android.permission.CAMERA"

    invoke-virtual {p0, v0}, Lorg/apkaudit/sample/compliantloan/IdPhotoActivity;->checkSelfPermission(Ljava/lang/String;)I

    move-result v1

    if-eqz v1, :cond_capture

    const/4 v1, 0x1

    new-array v1, v1, [Ljava/lang/String;

    const/4 v2, 0x0

    aput-object v0, v1, v2

    const/4 v2, 0x3

    invoke-virtual {p0, v1, v2}, Lorg/apkaudit/sample/compliantloan/IdPhotoActivity;->requestPermissions([Ljava/lang/String;I)V

    return-void

    :cond_capture
    invoke-direct {p0}, Lorg/apkaudit/sample/compliantloan/IdPhotoActivity;->captureIdPhoto()V

    return-void
.end method

.method public onRequestPermissionsResult(I[Ljava/lang/String;[I)V
    .registers 5

    array-length v0, p3

    if-lez v0, :cond_denied

    const/4 v0, 0x0

    aget v0, p3, v0

    if-nez v0, :cond_denied

    invoke-direct {p0}, Lorg/apkaudit/sample/compliantloan/IdPhotoActivity;->captureIdPhoto()V

    return-void

    :cond_denied
    invoke-virtual {p0}, Lorg/apkaudit/sample/compliantloan/IdPhotoActivity;->finish()V

    return-void
.end method
