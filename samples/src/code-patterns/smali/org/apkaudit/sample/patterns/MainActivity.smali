.class public Lorg/apkaudit/sample/patterns/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Launcher activity. onCreate() hands ContactsTask to a single-thread
# Executor (reached through ExecutorService.execute, not Thread.start), calls
# LocationReader.read() whose class lives in the SECOND dex (classes2.dex), and
# shows a button whose click listener (MainActivity$1) opens StringUriActivity.


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 4

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    new-instance v0, Landroid/widget/Button;

    invoke-direct {v0, p0}, Landroid/widget/Button;-><init>(Landroid/content/Context;)V

    const-string v1, "Loan details"

    invoke-virtual {v0, v1}, Landroid/widget/Button;->setText(Ljava/lang/CharSequence;)V

    new-instance v1, Lorg/apkaudit/sample/patterns/MainActivity$1;

    invoke-direct {v1, p0}, Lorg/apkaudit/sample/patterns/MainActivity$1;-><init>(Lorg/apkaudit/sample/patterns/MainActivity;)V

    invoke-virtual {v0, v1}, Landroid/widget/Button;->setOnClickListener(Landroid/view/View$OnClickListener;)V

    invoke-virtual {p0, v0}, Lorg/apkaudit/sample/patterns/MainActivity;->setContentView(Landroid/view/View;)V

    # Executors.newSingleThreadExecutor().execute(new ContactsTask(this))
    invoke-static {}, Ljava/util/concurrent/Executors;->newSingleThreadExecutor()Ljava/util/concurrent/ExecutorService;

    move-result-object v0

    new-instance v1, Lorg/apkaudit/sample/patterns/ContactsTask;

    invoke-direct {v1, p0}, Lorg/apkaudit/sample/patterns/ContactsTask;-><init>(Landroid/content/Context;)V

    invoke-interface {v0, v1}, Ljava/util/concurrent/ExecutorService;->execute(Ljava/lang/Runnable;)V

    invoke-interface {v0}, Ljava/util/concurrent/ExecutorService;->shutdown()V

    # class defined in classes2.dex
    invoke-static {p0}, Lorg/apkaudit/sample/patterns/second/LocationReader;->read(Landroid/content/Context;)V

    return-void
.end method
