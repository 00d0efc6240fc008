.class public La/a/q/c;
.super Ljava/lang/Object;
.source "SourceFile"

# AppCompat's ActivityChooserModel as R8 leaves it (androidx.appcompat.widget.ActivityChooserModel -> a.a.q.c):
# the share menu's model. d() is loadActivitiesIfNeeded: the activities that can receive the one Intent shared.


# instance fields
.field private final a:Landroid/content/Context;

.field private final b:Ljava/lang/String;

.field private c:Landroid/content/Intent;

.field private final d:Ljava/util/List;


# direct methods
.method public constructor <init>(Landroid/content/Context;Ljava/lang/String;)V
    .registers 4

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    iput-object p1, p0, La/a/q/c;->a:Landroid/content/Context;

    if-nez p2, :cond_name

    const-string p2, "activity_choser_model_history.xml"

    :cond_name
    iput-object p2, p0, La/a/q/c;->b:Ljava/lang/String;

    new-instance v0, Ljava/util/ArrayList;

    invoke-direct {v0}, Ljava/util/ArrayList;-><init>()V

    iput-object v0, p0, La/a/q/c;->d:Ljava/util/List;

    return-void
.end method


# virtual methods
.method public a(Landroid/content/Intent;)V
    .registers 2

    iput-object p1, p0, La/a/q/c;->c:Landroid/content/Intent;

    invoke-virtual {p0}, La/a/q/c;->d()Z

    return-void
.end method

.method public b()I
    .registers 2

    iget-object v0, p0, La/a/q/c;->d:Ljava/util/List;

    invoke-interface {v0}, Ljava/util/List;->size()I

    move-result v0

    return v0
.end method

.method d()Z
    .registers 4

    iget-object v0, p0, La/a/q/c;->c:Landroid/content/Intent;

    if-eqz v0, :cond_none

    iget-object v0, p0, La/a/q/c;->d:Ljava/util/List;

    invoke-interface {v0}, Ljava/util/List;->clear()V

    iget-object v0, p0, La/a/q/c;->a:Landroid/content/Context;

    invoke-virtual {v0}, Landroid/content/Context;->getPackageManager()Landroid/content/pm/PackageManager;

    move-result-object v0

    iget-object v1, p0, La/a/q/c;->c:Landroid/content/Intent;

    const/4 v2, 0x0

    invoke-virtual {v0, v1, v2}, Landroid/content/pm/PackageManager;->queryIntentActivities(Landroid/content/Intent;I)Ljava/util/List;

    move-result-object v0

    iget-object v1, p0, La/a/q/c;->d:Ljava/util/List;

    invoke-interface {v1, v0}, Ljava/util/List;->addAll(Ljava/util/Collection;)Z

    invoke-virtual {p0}, La/a/q/c;->e()V

    const/4 v0, 0x1

    return v0

    :cond_none
    const/4 v0, 0x0

    return v0
.end method

.method e()V
    .registers 4

    const-string v0, "historical-records"

    const-string v1, "ActivityChooserModel"

    iget-object v2, p0, La/a/q/c;->b:Ljava/lang/String;

    invoke-static {v1, v2}, Landroid/util/Log;->v(Ljava/lang/String;Ljava/lang/String;)I

    invoke-static {v1, v0}, Landroid/util/Log;->v(Ljava/lang/String;Ljava/lang/String;)I

    return-void
.end method
