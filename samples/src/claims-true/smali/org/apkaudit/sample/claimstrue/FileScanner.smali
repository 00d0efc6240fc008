.class final Lorg/apkaudit/sample/claimstrue/FileScanner;
.super Ljava/lang/Object;
.source "FileScanner.java"

# Lists the user's files at the root of shared storage.


# direct methods
.method private constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method

.method static a()I
    .registers 2

    invoke-static {}, Landroid/os/Environment;->getExternalStorageDirectory()Ljava/io/File;

    move-result-object v0

    invoke-virtual {v0}, Ljava/io/File;->listFiles()[Ljava/io/File;

    move-result-object v0

    if-nez v0, :cond_some

    const/4 v0, 0x0

    return v0

    :cond_some
    array-length v0, v0

    return v0
.end method
