.class public La/a/k/d;
.super Landroid/app/Activity;
.source "SourceFile"

# AppCompatActivity (a.a.k.d): creates its delegate and lets it apply the night mode in onCreate.


# instance fields
.field private a:La/a/k/k;


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 3

    new-instance v0, La/a/k/l;

    invoke-direct {v0, p0}, La/a/k/l;-><init>(Landroid/app/Activity;)V

    iput-object v0, p0, La/a/k/d;->a:La/a/k/k;

    invoke-virtual {v0}, La/a/k/k;->c()V

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    return-void
.end method
