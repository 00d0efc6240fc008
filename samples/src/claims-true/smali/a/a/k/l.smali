.class final La/a/k/l;
.super La/a/k/k;
.source "SourceFile"

# AppCompatDelegateImpl (a.a.k.l): on create it applies the night mode; only MODE_NIGHT_AUTO_TIME (0)
# asks the twilight helper, which reads the location.


# instance fields
.field private final b:Landroid/app/Activity;

.field private c:Z


# direct methods
.method constructor <init>(Landroid/app/Activity;)V
    .registers 2

    invoke-direct {p0}, La/a/k/k;-><init>()V

    iput-object p1, p0, La/a/k/l;->b:Landroid/app/Activity;

    return-void
.end method

.method private d()Z
    .registers 3

    invoke-static {}, La/a/k/k;->b()I

    move-result v0

    if-nez v0, :cond_other

    iget-object v0, p0, La/a/k/l;->b:Landroid/app/Activity;

    invoke-static {v0}, La/a/k/y;->a(Landroid/content/Context;)La/a/k/y;

    move-result-object v0

    invoke-virtual {v0}, La/a/k/y;->a()Z

    move-result v0

    iput-boolean v0, p0, La/a/k/l;->c:Z

    return v0

    :cond_other
    const/4 v1, 0x2

    if-ne v0, v1, :cond_day

    const/4 v0, 0x1

    return v0

    :cond_day
    const/4 v0, 0x0

    return v0
.end method


# virtual methods
.method public c()V
    .registers 1

    invoke-direct {p0}, La/a/k/l;->d()Z

    return-void
.end method
