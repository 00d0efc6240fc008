.class public Lorg/apkaudit/sample/claimsfalse/MainActivity;
.super La/a/k/d;
.source "MainActivity.java"

# The launcher activity, an AppCompatActivity (R8: a.a.k.d). It sets the night mode (a.a.k.k.a is
# AppCompatDelegate.setDefaultNightMode; 0x1), prepares the share menu's model (a.a.q.c) for a text
# Intent, and picks its image cache folders.


# instance fields
.field private a:La/a/q/c;


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, La/a/k/d;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 5

    const/4 v0, 0x1

    invoke-static {v0}, La/a/k/k;->a(I)V

    invoke-super {p0, p1}, La/a/k/d;->onCreate(Landroid/os/Bundle;)V

    new-instance v0, La/a/q/c;

    const/4 v1, 0x0

    invoke-direct {v0, p0, v1}, La/a/q/c;-><init>(Landroid/content/Context;Ljava/lang/String;)V

    iput-object v0, p0, Lorg/apkaudit/sample/claimsfalse/MainActivity;->a:La/a/q/c;

    new-instance v1, Landroid/content/Intent;

    const-string v2, "android.intent.action.SEND"

    invoke-direct {v1, v2}, Landroid/content/Intent;-><init>(Ljava/lang/String;)V

    const-string v2, "text/plain"

    invoke-virtual {v1, v2}, Landroid/content/Intent;->setType(Ljava/lang/String;)Landroid/content/Intent;

    invoke-virtual {v0, v1}, La/a/q/c;->a(Landroid/content/Intent;)V

    invoke-static {p0}, Lorg/apkaudit/sample/claimsfalse/ImageCache;->a(Landroid/content/Context;)Ljava/io/File;

    return-void
.end method
