.class Lorg/apkaudit/sample/patterns/MainActivity$1;
.super Ljava/lang/Object;
.source "MainActivity.java"

# interfaces
.implements Landroid/view/View$OnClickListener;

# Anonymous click listener created in MainActivity.onCreate(): opens the
# (non-exported) StringUriActivity with an explicit Intent.


# annotations
.annotation system Ldalvik/annotation/EnclosingMethod;
    value = Lorg/apkaudit/sample/patterns/MainActivity;->onCreate(Landroid/os/Bundle;)V
.end annotation

.annotation system Ldalvik/annotation/InnerClass;
    accessFlags = 0x0
    name = null
.end annotation


# instance fields
.field final synthetic this$0:Lorg/apkaudit/sample/patterns/MainActivity;


# direct methods
.method constructor <init>(Lorg/apkaudit/sample/patterns/MainActivity;)V
    .registers 2

    iput-object p1, p0, Lorg/apkaudit/sample/patterns/MainActivity$1;->this$0:Lorg/apkaudit/sample/patterns/MainActivity;

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method


# virtual methods
.method public onClick(Landroid/view/View;)V
    .registers 5

    new-instance v0, Landroid/content/Intent;

    iget-object v1, p0, Lorg/apkaudit/sample/patterns/MainActivity$1;->this$0:Lorg/apkaudit/sample/patterns/MainActivity;

    const-class v2, Lorg/apkaudit/sample/patterns/StringUriActivity;

    invoke-direct {v0, v1, v2}, Landroid/content/Intent;-><init>(Landroid/content/Context;Ljava/lang/Class;)V

    iget-object v1, p0, Lorg/apkaudit/sample/patterns/MainActivity$1;->this$0:Lorg/apkaudit/sample/patterns/MainActivity;

    invoke-virtual {v1, v0}, Lorg/apkaudit/sample/patterns/MainActivity;->startActivity(Landroid/content/Intent;)V

    return-void
.end method
