.class public abstract La/a/k/k;
.super Ljava/lang/Object;
.source "SourceFile"

# AppCompat's AppCompatDelegate as R8 leaves it (androidx.appcompat.app.AppCompatDelegate -> a.a.k.k).
# a(I) is setDefaultNightMode: MODE_NIGHT_FOLLOW_SYSTEM -1, MODE_NIGHT_AUTO_TIME 0, NO 1, YES 2, AUTO_BATTERY 3.


# static fields
.field private static a:I


# direct methods
.method static constructor <clinit>()V
    .registers 1

    const/16 v0, -0x64

    sput v0, La/a/k/k;->a:I

    return-void
.end method

.method constructor <init>()V
    .registers 1

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method

.method public static a(I)V
    .registers 3

    const/4 v0, -0x1

    if-lt p0, v0, :cond_unknown

    const/4 v0, 0x3

    if-gt p0, v0, :cond_unknown

    sput p0, La/a/k/k;->a:I

    return-void

    :cond_unknown
    const-string v0, "AppCompatDelegate"

    const-string v1, "setDefaultNightMode() called with an unknown mode"

    invoke-static {v0, v1}, Landroid/util/Log;->d(Ljava/lang/String;Ljava/lang/String;)I

    return-void
.end method

.method static b()I
    .registers 1

    sget v0, La/a/k/k;->a:I

    return v0
.end method


# virtual methods
.method public abstract c()V
.end method
