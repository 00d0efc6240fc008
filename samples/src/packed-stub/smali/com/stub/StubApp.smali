.class public final Lcom/stub/StubApp;
.super Landroid/app/Application;
.source "StubApp.java"

# A hand-written STAND-IN for a packer's stub Application, shaped like the 360 Jiagu stub
# (same class name, a native decryptor library named libjiagu.so), not its code. It is the only
# class in classes.dex: the app's own classes are in the encrypted payload assets/app.dat.
#
# attachBaseContext() copies the payload through the native decryptor into a private directory,
# loads it with a DexClassLoader and instantiates the real Application, whose onCreate() it
# forwards. Nothing of the app's own behaviour is visible to a static scan.


# static fields
.field private static realApp:Landroid/app/Application;


# direct methods
.method static constructor <clinit>()V
    .registers 1

    const-string v0, "jiagu"

    invoke-static {v0}, Ljava/lang/System;->loadLibrary(Ljava/lang/String;)V

    return-void
.end method

.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Application;-><init>()V

    return-void
.end method

.method private static native decrypt(Ljava/io/InputStream;Ljava/io/File;)V
.end method


# virtual methods
.method protected attachBaseContext(Landroid/content/Context;)V
    .registers 10

    invoke-super {p0, p1}, Landroid/app/Application;->attachBaseContext(Landroid/content/Context;)V

    :try_start_0
    invoke-virtual {p1}, Landroid/content/Context;->getAssets()Landroid/content/res/AssetManager;

    move-result-object v0

    const-string v1, "app.dat"

    invoke-virtual {v0, v1}, Landroid/content/res/AssetManager;->open(Ljava/lang/String;)Ljava/io/InputStream;

    move-result-object v0

    const-string v2, ".jiagu"

    const/4 v3, 0x0

    invoke-virtual {p1, v2, v3}, Landroid/content/Context;->getDir(Ljava/lang/String;I)Ljava/io/File;

    move-result-object v2

    new-instance v1, Ljava/io/File;

    const-string v3, "classes.jar"

    invoke-direct {v1, v2, v3}, Ljava/io/File;-><init>(Ljava/io/File;Ljava/lang/String;)V

    invoke-static {v0, v1}, Lcom/stub/StubApp;->decrypt(Ljava/io/InputStream;Ljava/io/File;)V

    new-instance v3, Ldalvik/system/DexClassLoader;

    invoke-virtual {v1}, Ljava/io/File;->getAbsolutePath()Ljava/lang/String;

    move-result-object v4

    invoke-virtual {v2}, Ljava/io/File;->getAbsolutePath()Ljava/lang/String;

    move-result-object v5

    const/4 v6, 0x0

    invoke-virtual {p1}, Landroid/content/Context;->getClassLoader()Ljava/lang/ClassLoader;

    move-result-object v7

    invoke-direct {v3, v4, v5, v6, v7}, Ldalvik/system/DexClassLoader;-><init>(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;Ljava/lang/ClassLoader;)V

    const-string v4, "org.apkaudit.sample.packed.LoanApplication"

    invoke-virtual {v3, v4}, Ljava/lang/ClassLoader;->loadClass(Ljava/lang/String;)Ljava/lang/Class;

    move-result-object v4

    invoke-virtual {v4}, Ljava/lang/Class;->newInstance()Ljava/lang/Object;

    move-result-object v4

    check-cast v4, Landroid/app/Application;

    sput-object v4, Lcom/stub/StubApp;->realApp:Landroid/app/Application;
    :try_end_0
    .catch Ljava/lang/Exception; {:try_start_0 .. :try_end_0} :catch_0

    return-void

    :catch_0
    move-exception v0

    return-void
.end method

.method public onCreate()V
    .registers 2

    invoke-super {p0}, Landroid/app/Application;->onCreate()V

    sget-object v0, Lcom/stub/StubApp;->realApp:Landroid/app/Application;

    if-eqz v0, :cond_done

    invoke-virtual {v0}, Landroid/app/Application;->onCreate()V

    :cond_done
    return-void
.end method
